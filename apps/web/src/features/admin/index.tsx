// Administration: staff accounts, the audit trail, and messages the services rejected.
import { lazy } from 'react';
import { AlertOutlined, BankOutlined, HistoryOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { ADMIN_ONLY } from '../../shared/roles';
import type { Feature } from '../../shared/routes';

const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const RejectedPage = lazy(() => import('./pages/RejectedPage'));
const AgencyPage = lazy(() => import('./pages/AgencyPage'));

export const admin: Feature = {
  nav: {
    key: 'admin',
    path: '/admin',
    labelKey: 'nav.admin',
    icon: <SettingOutlined aria-hidden />,
    roles: ADMIN_ONLY,
    children: [
      { key: 'admin.users', path: '/admin/users', labelKey: 'nav.admin.users', icon: <TeamOutlined aria-hidden /> },
      { key: 'admin.audit', path: '/admin/audit', labelKey: 'nav.admin.audit', icon: <HistoryOutlined aria-hidden /> },
      { key: 'admin.rejected', path: '/admin/rejected', labelKey: 'nav.admin.rejected', icon: <AlertOutlined aria-hidden /> },
      { key: 'admin.agency', path: '/admin/agency', labelKey: 'nav.admin.agency', icon: <BankOutlined aria-hidden /> },
    ],
  },
  routes: [
    { path: '/admin', titleKey: 'nav.admin', roles: ADMIN_ONLY, redirect: '/admin/users', render: () => null },
    { path: '/admin/users', titleKey: 'nav.admin.users', roles: ADMIN_ONLY, render: () => <UsersPage /> },
    { path: '/admin/audit', titleKey: 'nav.admin.audit', roles: ADMIN_ONLY, render: () => <AuditPage /> },
    { path: '/admin/rejected', titleKey: 'nav.admin.rejected', roles: ADMIN_ONLY, render: () => <RejectedPage /> },
    { path: '/admin/agency', titleKey: 'nav.admin.agency', roles: ADMIN_ONLY, render: () => <AgencyPage /> },
  ],
};
