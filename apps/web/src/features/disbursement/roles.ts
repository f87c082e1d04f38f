// Who may do what on disbursement's pages: the gateway's role checks
// (apps/gateway/src/disbursement/disbursement.controller.ts), which disbursement checks again
// with the agency. A button the user may not use is not shown.
import type { Role } from '../../shared/roles';

/** read budget lines, the pool, proposals, decrees and requests */
export const DISB_STAFF: readonly Role[] = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'ADMIN'];
/** a decree with full NIKs and its bank files (libs/contracts FULL_NIK_ROLES): who signs, who takes the lists to the bank, the admin; own agency only */
export const FULL_NIK: readonly Role[] = ['HEAD', 'FINANCE', 'ADMIN'];
/** import the bank's answer (the treasurer of the decree's agency) */
export const BANK_ANSWER_IMPORTERS: readonly Role[] = ['FINANCE'];
/** open and revise budget lines */
export const LINE_ADMIN: readonly Role[] = ['ADMIN'];
/** prepare and submit proposals */
export const PROPOSERS: readonly Role[] = ['FRONT_OFFICE', 'VERIFIER', 'FINANCE', 'HEAD'];
/** approve or return proposals (not one they prepared), record the signed decree */
export const HEADS: readonly Role[] = ['HEAD'];
/** record a decree's scan */
export const SCAN_RECORDERS: readonly Role[] = ['HEAD', 'FINANCE', 'ADMIN'];
/** the treasurer (bendahara): request from the finance office, correct or give up a failed recipient */
export const TREASURER: readonly Role[] = ['FINANCE'];
/** arrange the distribution schedule with the lurah and record the handovers (BAST): the gateway's DISTRIBUTION_ROLES */
export const DISTRIBUTORS: readonly Role[] = ['VERIFIER', 'FINANCE', 'HEAD'];
