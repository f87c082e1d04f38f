/**
 * The decree (SK Bupati / SK Walikota / SK Gubernur) naming the recipients of a benefit, and its
 * attachment (lampiran): what the PDF and the XLSX both print. `prepareDecree` checks the input
 * once and computes the total with bigint, so both documents show the same figures and words.
 */
import { terbilang, terbilangTitle } from '#domain';
import { type Detail, type DocumentInputError, NIK_RE, formatDateId, refuse, toAmount } from './format.js';

/** Who signs: a regent (SK Bupati), a mayor (SK Walikota) or a governor (SK Gubernur). */
export type DecreeIssuer = 'BUPATI' | 'WALIKOTA' | 'GUBERNUR';

export interface DecreeRecipient {
  name: string;
  /** 16 digits; printed in full unless `nikDisplay: 'masked'` */
  nik: string;
  address: string;
  /** whole Rupiah: bigint or a decimal string ("1500000"), never a JS number */
  amount: bigint | string;
  /** the application's ticket number, shown in the XLSX for the officer's cross-check */
  reference?: string;
}

export interface DecreeInput {
  issuer: DecreeIssuer;
  /** the regency/city/province as the title writes it: "PASURUAN", "BANJARNEGARA" */
  regionName: string;
  /**
   * the office as headings print it; "<ISSUER> <REGION>" by default ("WALIKOTA PASURUAN"). A city
   * that writes "WALI KOTA" in two words, as KBBI does, sets it here.
   */
  office?: string;
  decreeNumber: string;
  /** YYYY-MM-DD */
  decreeDate: string;
  /** where it is signed: "Pasuruan" */
  place: string;
  /** what it decides, after "TENTANG": "Penerima Bantuan Sosial Rehabilitasi Sosial Tahun Anggaran 2026" */
  subject: string;
  /** Menimbang: the agency's own text; omitted when empty (the system invents no legal grounds) */
  considering?: string[];
  /** Mengingat: the legal bases, the agency's own text; omitted when empty */
  observing?: string[];
  /** what pays, for the KETIGA article: "APBD Kota Pasuruan Tahun Anggaran 2026" */
  budgetSource?: string;
  signatory: { name: string; /** defaults to "<ISSUER> <REGION>" */ title?: string; nip?: string };
  recipients: DecreeRecipient[];
  nikDisplay?: 'full' | 'masked';
}

export interface PreparedRecipient {
  no: number;
  name: string;
  nik: string;
  address: string;
  amount: bigint;
  reference: string;
}

export interface PreparedDecree {
  input: DecreeInput;
  /** "WALIKOTA PASURUAN" */
  office: string;
  /** "2 Desember 2026" */
  dateText: string;
  signatoryTitle: string;
  recipients: PreparedRecipient[];
  total: bigint;
  /** "empat puluh lima juta rupiah" */
  totalWords: string;
  /** "Empat Puluh Lima Juta Rupiah" */
  totalWordsTitle: string;
  nikDisplay: 'full' | 'masked';
}

/**
 * Who decrees for an agency, from its name: "Dinas Sosial Kota Pasuruan" → WALIKOTA PASURUAN,
 * "Dinas Sosial PPPA Kabupaten Banjarnegara" → BUPATI BANJARNEGARA, "Dinas Sosial Provinsi
 * Kalimantan Barat" → GUBERNUR KALIMANTAN BARAT. Undefined when the name says none of them.
 */
export function decreeIssuerOf(agencyName: string): { issuer: DecreeIssuer; regionName: string } | undefined {
  const m = /\b(Kota|Kabupaten|Kab\.|Provinsi|Prov\.)\s+(.+)$/i.exec(agencyName.trim());
  if (!m) return undefined;
  const kind = m[1].toLowerCase();
  const issuer: DecreeIssuer = kind === 'kota' ? 'WALIKOTA' : kind.startsWith('kab') ? 'BUPATI' : 'GUBERNUR';
  return { issuer, regionName: m[2].trim().toUpperCase() };
}

/** Checks a decree's input (every field named in `details`) and computes its total. */
export function prepareDecree(input: DecreeInput): PreparedDecree {
  const details: Detail[] = [];
  const required = (v: unknown, path: string) => {
    if (typeof v !== 'string' || v.trim() === '') details.push({ path, message: 'is required' });
  };
  if (!['BUPATI', 'WALIKOTA', 'GUBERNUR'].includes(input.issuer)) {
    details.push({ path: 'issuer', message: 'must be BUPATI, WALIKOTA or GUBERNUR' });
  }
  required(input.regionName, 'regionName');
  required(input.decreeNumber, 'decreeNumber');
  required(input.place, 'place');
  required(input.subject, 'subject');
  required(input.signatory?.name, 'signatory.name');
  let dateText = '';
  try {
    dateText = formatDateId(input.decreeDate);
  } catch (e) {
    details.push({ path: 'decreeDate', message: (e as Error).message });
  }
  if (!Array.isArray(input.recipients) || input.recipients.length === 0) {
    details.push({ path: 'recipients', message: 'a decree names at least one recipient' });
  }
  const recipients: PreparedRecipient[] = [];
  let total = 0n;
  (input.recipients ?? []).forEach((r, i) => {
    const p = `recipients[${i}]`;
    required(r.name, `${p}.name`);
    required(r.address, `${p}.address`);
    if (typeof r.nik !== 'string' || !NIK_RE.test(r.nik)) details.push({ path: `${p}.nik`, message: 'must be 16 digits' });
    let amount = 0n;
    try {
      amount = toAmount(r.amount, `${p}.amount`);
      if (amount === 0n) details.push({ path: `${p}.amount`, message: 'must be more than 0' });
    } catch (e) {
      details.push(...((e as DocumentInputError).details ?? [{ path: `${p}.amount`, message: (e as Error).message }]));
    }
    total += amount;
    recipients.push({ no: i + 1, name: r.name?.trim(), nik: r.nik, address: r.address?.trim(), amount, reference: r.reference ?? '' });
  });
  if (details.length) refuse('the decree', details);
  const office = input.office?.trim().toUpperCase() || `${input.issuer} ${input.regionName.trim().toUpperCase()}`;
  return {
    input,
    office,
    dateText,
    signatoryTitle: input.signatory.title?.trim() || office,
    recipients,
    total,
    totalWords: terbilang(total),
    totalWordsTitle: terbilangTitle(total),
    nikDisplay: input.nikDisplay ?? 'full',
  };
}

/** The articles of the decree (diktum), as both documents print them. */
export function decreeArticles(d: PreparedDecree, formatTotal: string): Array<[string, string]> {
  const count = BigInt(d.recipients.length);
  const countWords = terbilang(count).replace(/ rupiah$/, '');
  const articles: Array<[string, string]> = [
    [
      'KESATU',
      `Menetapkan ${d.input.subject} sebanyak ${count} (${countWords}) orang sebagaimana tercantum dalam Lampiran ` +
        'yang merupakan bagian tidak terpisahkan dari Keputusan ini.',
    ],
    [
      'KEDUA',
      `Jumlah bantuan yang diberikan kepada penerima sebagaimana dimaksud pada Diktum KESATU seluruhnya sebesar ` +
        `Rp${formatTotal},- (${d.totalWords}) dengan rincian sebagaimana tercantum dalam Lampiran.`,
    ],
  ];
  if (d.input.budgetSource?.trim()) {
    const source = d.input.budgetSource.trim();
    articles.push(['KETIGA', `Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada ${source}.`]);
  }
  articles.push([articles.length === 3 ? 'KEEMPAT' : 'KETIGA', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.']);
  return articles;
}
