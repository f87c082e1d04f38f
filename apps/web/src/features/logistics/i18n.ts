import { defineTexts } from '../../shared/i18n/texts';

export const logisticsTexts = defineTexts(
  {
    'nav.logistics': 'Gudang Logistik',
    'comingSoon.logistics':
      'Stok gudang provinsi dan kabupaten/kota, distribusi reguler, pengiriman darurat ke posko bencana, dan laporan penyaluran.',
  },
  {
    'nav.logistics': 'Logistics Warehouse',
    'comingSoon.logistics':
      'Provincial and regency warehouse stock, regular distribution, emergency shipments to disaster posts, and distribution reports.',
  },
);
