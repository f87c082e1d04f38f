// The citizens' status page: anyone may open it without logging in, shown without the staff
// layout (the gateway serves /status and /status/{ticket} as the dashboard's index.html).
import { lazy } from 'react';
import type { Feature } from '../../shared/routes';

const StatusPage = lazy(() => import('./pages/StatusPage'));

export const status: Feature = {
  routes: [],
  publicRoutes: [
    { path: '/status', titleKey: 'status.title', render: () => <StatusPage /> },
    { path: '/status/:ticket', titleKey: 'status.title', render: (p) => <StatusPage ticket={p.ticket} /> },
  ],
};
