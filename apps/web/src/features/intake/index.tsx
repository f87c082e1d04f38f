// Intake: the front office's queue and filing form, one application's page, the service
// catalog and the working-day calendar. The template for a feature: pages/ (one per route,
// lazy), components/ (what the pages share), api.ts (the gateway's routes), labels.ts (enum
// labels and field names by API path), i18n.ts (texts, combined in app/texts.ts).
import { lazy } from 'react';
import { CalendarOutlined, FileAddOutlined, FileTextOutlined, OrderedListOutlined, ReadOutlined } from '@ant-design/icons';
import { ADMIN_ONLY, FILING } from '../../shared/roles';
import type { Feature } from '../../shared/routes';

const QueuePage = lazy(() => import('./pages/QueuePage'));
const FileApplicationPage = lazy(() => import('./pages/FileApplicationPage'));
const ApplicationPage = lazy(() => import('./pages/ApplicationPage'));
const CatalogPage = lazy(() => import('./pages/CatalogPage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const ReceiptPage = lazy(() => import('./pages/ReceiptPage'));

export const intake: Feature = {
  nav: {
    key: 'intake',
    path: '/intake',
    labelKey: 'nav.intake',
    icon: <FileTextOutlined aria-hidden />,
    children: [
      { key: 'intake.queue', path: '/intake/applications', labelKey: 'nav.intake.queue', icon: <OrderedListOutlined aria-hidden /> },
      { key: 'intake.new', path: '/intake/new', labelKey: 'nav.intake.new', icon: <FileAddOutlined aria-hidden />, roles: FILING },
      {
        key: 'intake.catalog',
        path: '/intake/catalog',
        labelKey: 'nav.intake.catalog',
        icon: <ReadOutlined aria-hidden />,
        roles: ADMIN_ONLY,
      },
      { key: 'intake.calendar', path: '/intake/calendar', labelKey: 'nav.intake.calendar', icon: <CalendarOutlined aria-hidden /> },
    ],
  },
  routes: [
    { path: '/intake', titleKey: 'nav.intake', redirect: '/intake/applications', render: () => null },
    { path: '/intake/applications', titleKey: 'nav.intake.queue', render: () => <QueuePage /> },
    { path: '/intake/applications/:id', titleKey: 'application.title', render: (p) => <ApplicationPage id={p.id} /> },
    { path: '/intake/applications/:id/receipt', titleKey: 'paper.title', render: (p) => <ReceiptPage id={p.id} /> },
    { path: '/intake/new', titleKey: 'nav.intake.new', roles: FILING, render: () => <FileApplicationPage /> },
    { path: '/intake/catalog', titleKey: 'nav.intake.catalog', roles: ADMIN_ONLY, render: () => <CatalogPage /> },
    { path: '/intake/calendar', titleKey: 'nav.intake.calendar', render: () => <CalendarPage /> },
  ],
};
