// The dashboard's features, in navigation order. A new service adds its folder under
// features/ (copy features/intake), its line here, and its texts in app/texts.ts.
import type { AppRoute, Feature, NavItem } from '../shared/routes';
import { home } from '../features/home';
import { intake } from '../features/intake';
import { verification } from '../features/verification';
import { disbursement } from '../features/disbursement';
import { logistics } from '../features/logistics';
import { complaints } from '../features/complaints';
import { admin } from '../features/admin';
import { status } from '../features/status';

const FEATURES: Feature[] = [home, intake, verification, disbursement, logistics, complaints, admin, status];

/** The staff navigation's sections. */
export const NAV: NavItem[] = FEATURES.flatMap((f) => (f.nav ? [f.nav] : []));

/** Staff pages (behind the login); the first match wins. */
export const ROUTES: AppRoute[] = FEATURES.flatMap((f) => f.routes);

/** Pages anyone may open, shown without the staff layout. */
export const PUBLIC_ROUTES: AppRoute[] = FEATURES.flatMap((f) => f.publicRoutes ?? []);
