// The dashboard's map: one navigation section per service, and the pages behind it. A later
// feature adds its pages here (lazy, so each service's code loads when it is opened) and its
// labels to i18n.ts; `roles` limits who sees a section and who may open a page.
import { lazy, type ReactNode } from 'react';
import {
  AlertOutlined,
  BankOutlined,
  CalendarOutlined,
  CommentOutlined,
  ControlOutlined,
  DatabaseOutlined,
  DiffOutlined,
  AuditOutlined,
  CarOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  OrderedListOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
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
const StatusPage = lazy(() => import('./pages/status/StatusPage'));
const QueuePage = lazy(() => import('./pages/intake/QueuePage'));
const FileApplicationPage = lazy(() => import('./pages/intake/FileApplicationPage'));
const ApplicationPage = lazy(() => import('./pages/intake/ApplicationPage'));
const CatalogPage = lazy(() => import('./pages/intake/CatalogPage'));
const CalendarPage = lazy(() => import('./pages/intake/CalendarPage'));
const RegistryPage = lazy(() => import('./pages/verification/RegistryPage'));
const ImportPage = lazy(() => import('./pages/verification/ImportPage'));
const SnapshotsPage = lazy(() => import('./pages/verification/SnapshotsPage'));
const SnapshotDiffPage = lazy(() => import('./pages/verification/SnapshotsPage').then((m) => ({ default: m.SnapshotDiffPage })));
const LookupPage = lazy(() => import('./pages/verification/LookupPage'));
const CasesPage = lazy(() => import('./pages/verification/CasesPage'));
const CasePage = lazy(() => import('./pages/verification/CasePage'));
const TasksPage = lazy(() => import('./pages/verification/TasksPage'));
const RulesPage = lazy(() => import('./pages/verification/RulesPage'));

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
/** who files applications at the front office (the gateway's POST /applications allows these) */
const FILING: readonly Role[] = ['FRONT_OFFICE', 'ADMIN'];
/** who reads verification cases and field tasks (the gateway's routes allow these) */
const VERIFYING: readonly Role[] = ['VERIFIER', 'HEAD', 'ADMIN'];

/** The service sections of the staff dashboard, in navigation order. */
export const NAV: NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  {
    key: 'intake',
    path: '/intake',
    labelKey: 'nav.intake',
    icon: <FileTextOutlined aria-hidden />,
    children: [
      { key: 'intake.queue', path: '/intake/applications', labelKey: 'nav.intake.queue', icon: <OrderedListOutlined aria-hidden /> },
      { key: 'intake.new', path: '/intake/new', labelKey: 'nav.intake.new', icon: <FileAddOutlined aria-hidden />, roles: FILING },
      { key: 'intake.catalog', path: '/intake/catalog', labelKey: 'nav.intake.catalog', icon: <ReadOutlined aria-hidden />, roles: ADMIN_ONLY },
      { key: 'intake.calendar', path: '/intake/calendar', labelKey: 'nav.intake.calendar', icon: <CalendarOutlined aria-hidden /> },
    ],
  },
  {
    key: 'verification',
    path: '/verification',
    labelKey: 'nav.verification',
    icon: <SafetyCertificateOutlined aria-hidden />,
    children: [
      { key: 'verification.cases', path: '/verification/cases', labelKey: 'nav.verification.cases', icon: <AuditOutlined aria-hidden />, roles: VERIFYING },
      { key: 'verification.tasks', path: '/verification/tasks', labelKey: 'nav.verification.tasks', icon: <CarOutlined aria-hidden />, roles: VERIFYING },
      { key: 'verification.rules', path: '/verification/rules', labelKey: 'nav.verification.rules', icon: <ControlOutlined aria-hidden />, roles: VERIFYING },
      { key: 'verification.registry', path: '/verification/registry', labelKey: 'nav.verification.registry', icon: <DatabaseOutlined aria-hidden /> },
      { key: 'verification.snapshots', path: '/verification/registry/snapshots', labelKey: 'nav.verification.snapshots', icon: <DiffOutlined aria-hidden /> },
      { key: 'verification.lookup', path: '/verification/registry/lookup', labelKey: 'nav.verification.lookup', icon: <SearchOutlined aria-hidden /> },
    ],
  },
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
const comingSoon = (section: 'disbursement' | 'logistics' | 'complaints'): AppRoute => ({
  path: `/${section}/*`,
  titleKey: `nav.${section}`,
  render: () => <ComingSoonPage section={section} />,
});

/**
 * Pages anyone may open without logging in, shown without the staff layout: the place for
 * the citizens' status page (`/status`), which the gateway already serves as index.html.
 */
export const PUBLIC_ROUTES: AppRoute[] = [
  { path: '/status', titleKey: 'status.title', render: () => <StatusPage /> },
  { path: '/status/:ticket', titleKey: 'status.title', render: (p) => <StatusPage ticket={p.ticket} /> },
];

/** Staff pages (behind the login); the first match wins. */
export const ROUTES: AppRoute[] = [
  { path: '/', titleKey: 'nav.home', render: () => <HomePage /> },
  { path: '/intake', titleKey: 'nav.intake', redirect: '/intake/applications', render: () => null },
  { path: '/intake/applications', titleKey: 'nav.intake.queue', render: () => <QueuePage /> },
  { path: '/intake/applications/:id', titleKey: 'application.title', render: (p) => <ApplicationPage id={p.id} /> },
  { path: '/intake/new', titleKey: 'nav.intake.new', roles: FILING, render: () => <FileApplicationPage /> },
  { path: '/intake/catalog', titleKey: 'nav.intake.catalog', roles: ADMIN_ONLY, render: () => <CatalogPage /> },
  { path: '/intake/calendar', titleKey: 'nav.intake.calendar', render: () => <CalendarPage /> },
  { path: '/verification', titleKey: 'nav.verification', redirect: '/verification/registry', render: () => null },
  { path: '/verification/cases', titleKey: 'nav.verification.cases', roles: VERIFYING, render: () => <CasesPage /> },
  { path: '/verification/cases/:id', titleKey: 'cases.case', roles: VERIFYING, render: (p) => <CasePage id={p.id} /> },
  { path: '/verification/tasks', titleKey: 'nav.verification.tasks', roles: VERIFYING, render: () => <TasksPage /> },
  { path: '/verification/rules', titleKey: 'nav.verification.rules', roles: VERIFYING, render: () => <RulesPage /> },
  { path: '/verification/registry', titleKey: 'nav.verification.registry', render: () => <RegistryPage /> },
  { path: '/verification/registry/imports/:id', titleKey: 'registry.importPage', render: (p) => <ImportPage id={p.id} /> },
  { path: '/verification/registry/snapshots', titleKey: 'nav.verification.snapshots', render: () => <SnapshotsPage /> },
  { path: '/verification/registry/snapshots/:id', titleKey: 'snapshots.diffTitle', render: (p) => <SnapshotDiffPage id={p.id} /> },
  { path: '/verification/registry/lookup', titleKey: 'nav.verification.lookup', render: () => <LookupPage /> },
  comingSoon('disbursement'),
  comingSoon('logistics'),
  comingSoon('complaints'),
  { path: '/admin', titleKey: 'nav.admin', roles: ADMIN_ONLY, redirect: '/admin/users', render: () => null },
  { path: '/admin/users', titleKey: 'nav.admin.users', roles: ADMIN_ONLY, render: () => <UsersPage /> },
  { path: '/admin/audit', titleKey: 'nav.admin.audit', roles: ADMIN_ONLY, render: () => <AuditPage /> },
  { path: '/admin/rejected', titleKey: 'nav.admin.rejected', roles: ADMIN_ONLY, render: () => <RejectedPage /> },
];
