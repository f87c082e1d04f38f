// What a feature gives the shell (app/features.ts): its section of the navigation and its
// pages. Pages are lazy (`lazy(() => import('./pages/…'))`), so a service's code loads when it
// is opened; `roles` limits who sees a section and who may open a page.
import type { ReactNode } from 'react';
import type { MessageKey } from './i18n/I18n';
import type { Role } from './roles';
import type { Params } from './router';

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

/** One context of the dashboard (intake, verification, …): what features/<context>/index.tsx exports. */
export interface Feature {
  /** its section of the staff navigation, if it has one */
  nav?: NavItem;
  /** pages behind the staff login */
  routes: AppRoute[];
  /** pages anyone may open, shown without the staff layout (the citizens' status page) */
  publicRoutes?: AppRoute[];
}
