/** Decrees for the documents' specs and bench: recipients with valid-looking, distinct NIKs in Kota Pasuruan (35.75). */
import type { DecreeInput, DecreeRecipient } from './decree.js';

const STREETS = ['Jl. Soekarno Hatta', 'Jl. Panglima Sudirman', 'Jl. Hayam Wuruk', 'Jl. Pahlawan', 'Jl. Veteran'];
const VILLAGES = ['Bugul Kidul', 'Tapaan', 'Blandongan', 'Kepel', 'Krapyakrejo'];

/** Recipient i (0-based): the NIK's serial is i + 1, so NIKs never repeat below 10,000 per birth date. */
export function recipient(i: number, amount: string | bigint = '1500000'): DecreeRecipient {
  const day = String((i % 28) + 1 + (i % 2 ? 40 : 0)).padStart(2, '0'); // odd ones are women (day + 40)
  const serial = String((Math.floor(i / 28) % 9999) + 1).padStart(4, '0');
  const nik = `357501${day}0185${serial}`;
  return {
    name: `Penerima ${i + 1} ${i % 2 ? 'Siti Aminah' : 'Budi Santoso'}`,
    nik,
    address:
      `${STREETS[i % 5]} No. ${(i % 120) + 1} RT ${String((i % 9) + 1).padStart(3, '0')} RW 00${(i % 4) + 1}, ` + `Kel. ${VILLAGES[i % 5]}`,
    amount,
    reference: `BANSOS_REHSOS-35.75-2026-${String(i + 1).padStart(6, '0')}`,
  };
}

export function decree(recipients: number, amount: string | bigint = '1500000'): DecreeInput {
  return {
    issuer: 'WALIKOTA',
    regionName: 'Pasuruan',
    decreeNumber: '188.45/412/423.011/2026',
    decreeDate: '2026-12-02',
    place: 'Pasuruan',
    subject: 'Penerima Bantuan Sosial Rehabilitasi Sosial Tahun Anggaran 2026',
    considering: [
      'bahwa untuk melaksanakan rehabilitasi sosial bagi warga yang memenuhi kriteria perlu diberikan bantuan sosial;',
      'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Walikota.',
    ],
    observing: ['Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial;'],
    budgetSource: 'Anggaran Pendapatan dan Belanja Daerah Kota Pasuruan Tahun Anggaran 2026',
    signatory: { name: 'ADI WIBOWO', nip: '197001011990031001' },
    recipients: Array.from({ length: recipients }, (_, i) => recipient(i, amount)),
  };
}
