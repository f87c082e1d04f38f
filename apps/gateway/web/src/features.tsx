// The dashboard's map: one navigation section per service, and the pages behind it. A later
// feature adds its pages here (lazy, so each service's code loads when it is opened) and its
// labels to i18n.ts; `roles` limits who sees a section and who may open a page.
import { lazy, type ReactNode } from 'react';
import {
  AlertOutlined,
  BankOutlined,
  CommentOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './i18n';
import type { Role } from './roles';
import type { Params } from './router';

const HomePage = lazy(() => import('./pages/HomePage'));
const ComingSoonPage = lazy(() => import('./pages/ComingSoonPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));
const RejectedPage = lazy(() => import('./pages/admin/RejectedPage'));

export interface NavItem {
  key: string;
  path: string;
  labelKey: MessageKey;
  icon?: ReactNode;
  /** who sees it; none: every staff member */
  roles?: readonly Role[];
  children?: NavItem[];
}

export interface AppRoute {
  path: string;
  titleKey: MessageKey;
  render: (params: Params) => ReactNode;
  roles?: readonly Role[];
  /** where `path` itself goes when it only groups other pages */
  redirect?: string;
}

const ADMIN_ONLY: readonly Role[] = ['ADMIN'];

/** The service sections of the staff dashboard, in navigation order. */
export const NAV: NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  { key: 'intake', path: '/intake', labelKey: 'nav.intake', icon: <FileTextOutlined aria-hidden /> },
  { key: 'verification', path: '/verification', labelKey: 'nav.verification', icon: <SafetyCertificateOutlined aria-hidden /> },
  { key: 'disbursement', path: '/disbursement', labelKey: 'nav.disbursement', icon: <BankOutlined aria-hidden /> },
  { key: 'logistics', path: '/logistics', labelKey: 'nav.logistics', icon: <InboxOutlined aria-hidden /> },
  { key: 'complaints', path: '/complaints', labelKey: 'nav.complaints', icon: <CommentOutlined aria-hidden /> },
  {
    key: 'admin',
    path: '/admin',
    labelKey: 'nav.admin',
    icon: <SettingOutlined aria-hidden />,
    roles: ADMIN_ONLY,
    children: [
      { key: 'admin.users', path: '/admin/users', labelKey: 'nav.admin.users', icon: <TeamOutlined aria-hidden /> },
      { key: 'admin.audit', path: '/admin/audit', labelKey: 'nav.admin.audit', icon: <HistoryOutlined aria-hidden /> },
      { key: 'admin.rejected', path: '/admin/rejected', labelKey: 'nav.admin.rejected', icon: <AlertOutlined aria-hidden /> },
    ],
  },
];

/** Pages of services not built yet: they say what is coming, in the users' words. */
const comingSoon = (section: 'intake' | 'verification' | 'disbursement' | 'logistics' | 'complaints'): AppRoute => ({
  path: `/${section}/*`,
  titleKey: `nav.${section}`,
  render: () => <ComingSoonPage section={section} />,
});

/**
 * Pages anyone may open without logging in, shown without the staff layout: the place for
 * the citizens' status page (`/status`), which the gateway already serves as index.html.
 */
export const PUBLIC_ROUTES: AppRoute[] = [];

/** Staff pages (behind the login); the first match wins. */
export const ROUTES: AppRoute[] = [
  { path: '/', titleKey: 'nav.home', render: () => <HomePage /> },
  comingSoon('intake'),
  comingSoon('verification'),
  comingSoon('disbursement'),
  comingSoon('logistics'),
  comingSoon('complaints'),
  { path: '/admin', titleKey: 'nav.admin', roles: ADMIN_ONLY, redirect: '/admin/users', render: () => null },
  { path: '/admin/users', titleKey: 'nav.admin.users', roles: ADMIN_ONLY, render: () => <UsersPage /> },
  { path: '/admin/audit', titleKey: 'nav.admin.audit', roles: ADMIN_ONLY, render: () => <AuditPage /> },
  { path: '/admin/rejected', titleKey: 'nav.admin.rejected', roles: ADMIN_ONLY, render: () => <RejectedPage /> },
];
