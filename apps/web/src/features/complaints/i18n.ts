import { defineTexts } from '../../shared/i18n/texts';

export const complaintsTexts = defineTexts(
  {
    'nav.complaints': 'Pengaduan',
    'comingSoon.complaints':
      'Penerimaan pengaduan dari semua kanal (termasuk SP4N-LAPOR!), klasifikasi dan tenggatnya, disposisi ke tim, dan jawaban kepada pengadu.',
  },
  {
    'nav.complaints': 'Complaints',
    'comingSoon.complaints':
      'Complaints from every channel (SP4N-LAPOR! included), their class and deadline, dispositions to a team, and the answer to the complainant.',
  },
);
