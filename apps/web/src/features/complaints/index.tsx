// complaints: not built yet. Its section says what is coming, in the users' words. Its pages go in
// pages/, its calls in api.ts, its enum labels in labels.ts, its texts in i18n.ts (added to
// app/texts.ts), and its routes here, the way features/intake does it.
import { CommentOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../shared/components/ComingSoon';
import type { Feature } from '../../shared/routes';

export const complaints: Feature = {
  nav: { key: 'complaints', path: '/complaints', labelKey: 'nav.complaints', icon: <CommentOutlined aria-hidden /> },
  routes: [
    { path: '/complaints/*', titleKey: 'nav.complaints', render: () => <ComingSoon title="nav.complaints" text="comingSoon.complaints" /> },
  ],
};
