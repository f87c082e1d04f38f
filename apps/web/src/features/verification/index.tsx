// Verification: cases with their eligibility rules, duplicates and field tasks; the
// eligibility settings per service; the registry (DTSEN, dahulu DTKS): imports, snapshots and
// their diffs, look-ups by NIK or KK.
import { lazy } from 'react';
import {
  AuditOutlined,
  CarOutlined,
  ControlOutlined,
  DatabaseOutlined,
  DiffOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { VERIFYING } from '../../shared/roles';
import type { Feature } from '../../shared/routes';

const CasesPage = lazy(() => import('./pages/CasesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const RulesPage = lazy(() => import('./pages/RulesPage'));
const RegistryPage = lazy(() => import('./pages/RegistryPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const SnapshotsPage = lazy(() => import('./pages/SnapshotsPage'));
const SnapshotDiffPage = lazy(() => import('./pages/SnapshotDiffPage'));
const LookupPage = lazy(() => import('./pages/LookupPage'));

export const verification: Feature = {
  nav: {
    key: 'verification',
    path: '/verification',
    labelKey: 'nav.verification',
    icon: <SafetyCertificateOutlined aria-hidden />,
    children: [
      {
        key: 'verification.cases',
        path: '/verification/cases',
        labelKey: 'nav.verification.cases',
        icon: <AuditOutlined aria-hidden />,
        roles: VERIFYING,
      },
      {
        key: 'verification.tasks',
        path: '/verification/tasks',
        labelKey: 'nav.verification.tasks',
        icon: <CarOutlined aria-hidden />,
        roles: VERIFYING,
      },
      {
        key: 'verification.rules',
        path: '/verification/rules',
        labelKey: 'nav.verification.rules',
        icon: <ControlOutlined aria-hidden />,
        roles: VERIFYING,
      },
      {
        key: 'verification.registry',
        path: '/verification/registry',
        labelKey: 'nav.verification.registry',
        icon: <DatabaseOutlined aria-hidden />,
      },
      {
        key: 'verification.snapshots',
        path: '/verification/registry/snapshots',
        labelKey: 'nav.verification.snapshots',
        icon: <DiffOutlined aria-hidden />,
      },
      {
        key: 'verification.lookup',
        path: '/verification/registry/lookup',
        labelKey: 'nav.verification.lookup',
        icon: <SearchOutlined aria-hidden />,
      },
    ],
  },
  routes: [
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
  ],
};
