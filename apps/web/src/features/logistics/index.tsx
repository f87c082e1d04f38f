// logistics: not built yet. Its section says what is coming, in the users' words. Its pages go in
// pages/, its calls in api.ts, its enum labels in labels.ts, its texts in i18n.ts (added to
// app/texts.ts), and its routes here, the way features/intake does it.
import { InboxOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../shared/components/ComingSoon';
import type { Feature } from '../../shared/routes';

export const logistics: Feature = {
  nav: { key: 'logistics', path: '/logistics', labelKey: 'nav.logistics', icon: <InboxOutlined aria-hidden /> },
  routes: [
    { path: '/logistics/*', titleKey: 'nav.logistics', render: () => <ComingSoon title="nav.logistics" text="comingSoon.logistics" /> },
  ],
};
