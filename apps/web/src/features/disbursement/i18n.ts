import { defineTexts } from '../../shared/i18n/texts';

export const disbursementTexts = defineTexts(
  {
    'nav.disbursement': 'Anggaran & Penyaluran',
    'comingSoon.disbursement':
      'Usulan dan SK penerima, pagu anggaran, permintaan pencairan ke BPKAD/DPPKAD, dan penyaluran bantuan kepada penerima.',
  },
  {
    'nav.disbursement': 'Budget & Disbursement',
    'comingSoon.disbursement':
      'Recipient proposals and decrees, budget ceilings, disbursement requests to the finance office, and handing aid to recipients.',
  },
);
