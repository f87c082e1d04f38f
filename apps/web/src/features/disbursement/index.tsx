// disbursement: not built yet. Its section says what is coming, in the users' words. Its pages go in
// pages/, its calls in api.ts, its enum labels in labels.ts, its texts in i18n.ts (added to
// app/texts.ts), and its routes here, the way features/intake does it.
import { BankOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../shared/components/ComingSoon';
import type { Feature } from '../../shared/routes';

export const disbursement: Feature = {
  nav: { key: 'disbursement', path: '/disbursement', labelKey: 'nav.disbursement', icon: <BankOutlined aria-hidden /> },
  routes: [
    {
      path: '/disbursement/*',
      titleKey: 'nav.disbursement',
      render: () => <ComingSoon title="nav.disbursement" text="comingSoon.disbursement" />,
    },
  ],
};
