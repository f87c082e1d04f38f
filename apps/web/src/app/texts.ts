// Every text of the dashboard: the shared words and each feature's, combined into one
// dictionary. A feature adds its texts here (features/<context>/i18n.ts); a key defined by two
// features does not compile, and neither does a text without its English.
import { combineTexts } from '../shared/i18n/texts';
import { commonTexts } from '../shared/i18n/common';
import { homeTexts } from '../features/home/i18n';
import { authTexts } from '../features/auth/i18n';
import { adminTexts, auditTrailTexts } from '../features/admin/i18n';
import { intakeTexts, paperTrailTexts } from '../features/intake/i18n';
import { statusContactTexts, statusTexts } from '../features/status/i18n';
import { verificationTexts } from '../features/verification/i18n';
import { disbursementFileTexts, disbursementTexts, distributionTexts } from '../features/disbursement/i18n';
import { logisticsTexts } from '../features/logistics/i18n';
import { complaintsTexts } from '../features/complaints/i18n';

export const TEXTS = combineTexts(
  commonTexts,
  homeTexts,
  authTexts,
  adminTexts,
  auditTrailTexts,
  intakeTexts,
  paperTrailTexts,
  statusTexts,
  statusContactTexts,
  verificationTexts,
  disbursementTexts,
  distributionTexts,
  disbursementFileTexts,
  logisticsTexts,
  complaintsTexts,
);

declare module '../shared/i18n/I18n' {
  interface Register {
    texts: typeof TEXTS;
  }
}
