/**
 * One row of a registry file (DTSEN, formerly DTKS): which column is which, the checks every
 * row must pass, and the line it becomes in Postgres's COPY text format. Pure and allocation-
 * light: a million rows go through here per import, so the NIK's plausibility is checked
 * against caches built once per import (libs/domain's parseNik formats "today" per call, ~10 µs).
 */
import { REGISTRY_COLUMNS, REQUIRED_REGISTRY_COLUMNS, type RegistryColumn, type RegistryRowError } from '#contracts';
import type { AreaIndex } from '#domain';

/** Column positions in the file, by contract name. */
export type ColumnMap = Record<RegistryColumn, number>;

/** Maps the header row to column positions; names are case-insensitive, extra columns ignored. */
export function mapHeader(header: string[]): { ok: true; columns: ColumnMap } | { ok: false; missing: RegistryColumn[] } {
  const names = header.map((h) =>
    String(h ?? '')
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const columns = {} as ColumnMap;
  for (const c of REGISTRY_COLUMNS) columns[c] = names.indexOf(c);
  const missing = REQUIRED_REGISTRY_COLUMNS.filter((c) => columns[c] < 0);
  return missing.length ? { ok: false, missing } : { ok: true, columns };
}

/** A row accepted into the snapshot. */
export interface RegistryPerson {
  row: number;
  nik: string;
  kk: string;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  address: string;
  villageCode: string;
  decile: number | null;
  programs: string[];
}

const DIGITS16 = /^\d{16}$/;
const NUMBER_CELL =
  'is a number cell in the workbook, and Excel keeps only 15 digits of a number: it may already be rounded. Store the column as text (format it as Text and enter the numbers again, or export the file as CSV)';
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;
const PROGRAM = /^[A-Z0-9][A-Z0-9_-]{0,29}$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` → `YYYY-MM-DD`, or undefined. */
export function parseRegistryDate(s: string): string | undefined {
  let y: number, m: number, d: number;
  // the common case, YYYY-MM-DD, without a regular expression
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(5, 7));
    d = Number(s.slice(8, 10));
    if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1000) return validDate(y, m, d) ? s : undefined;
  }
  let r = YMD.exec(s);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = DMY.exec(s))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return undefined;
  return validDate(y, m, d) ? `${y}-${pad2(m)}-${pad2(d)}` : undefined;
}

/** A cell's text, trimmed only when it needs it ('' for an absent column). */
function cell(values: string[], i: number): string {
  if (i < 0) return '';
  const v = values[i];
  if (v === undefined || v === null) return '';
  const str = typeof v === 'string' ? v : String(v);
  const n = str.length;
  return n && (str.charCodeAt(0) <= 32 || str.charCodeAt(n - 1) <= 32) ? str.trim() : str;
}

/**
 * Checks the rows of one import: the agency's area, today's date (Asia/Jakarta) and the
 * official area list are fixed for the whole file, and what was looked up once is cached.
 */
export class RegistryRowValidator {
  private readonly districts = new Map<string, boolean>();
  private readonly villages = new Map<string, string | null>();
  private readonly areaPrefix: string;

  constructor(
    private readonly areas: AreaIndex,
    /** the agency's Kemendagri area code (`33.04`, or `61` for a province) */
    private readonly areaCode: string,
    /** YYYY-MM-DD in Asia/Jakarta */
    private readonly today: string,
  ) {
    this.areaPrefix = `${areaCode}.`;
  }

  /**
   * Validates one data row; `row` is its number as a spreadsheet shows it (the header is row 1).
   * `numeric`: the positions of cells an .xlsx stored as numbers (a NIK or KK there is refused).
   */
  check(values: string[], c: ColumnMap, row: number, errors: RegistryRowError[], numeric?: readonly number[]): RegistryPerson | undefined {
    const before = errors.length;
    const nik = cell(values, c.nik);
    const kk = cell(values, c.no_kk);
    const name = cell(values, c.nama);
    const birthRaw = cell(values, c.tanggal_lahir);
    const sexCell = cell(values, c.jenis_kelamin);
    const sexRaw = sexCell.length === 1 ? sexCell : sexCell.toUpperCase();
    const address = cell(values, c.alamat);
    const villageRaw = cell(values, c.kode_desa);
    const decileRaw = cell(values, c.desil);
    const programRaw = cell(values, c.program);

    const birthDate = parseRegistryDate(birthRaw);
    if (!birthDate) {
      errors.push({
        row,
        field: 'tanggal_lahir',
        message: birthRaw
          ? `tanggal_lahir "${birthRaw.slice(0, 20)}" is not a date YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY`
          : 'tanggal_lahir must not be empty',
      });
    } else if (birthDate > this.today) {
      errors.push({ row, field: 'tanggal_lahir', message: `tanggal_lahir ${birthDate} is in the future` });
    }
    const sex = sexRaw === 'L' || sexRaw === 'l' ? 'M' : sexRaw === 'P' || sexRaw === 'p' ? 'F' : undefined;
    if (!sex)
      errors.push({
        row,
        field: 'jenis_kelamin',
        message: `jenis_kelamin must be L or P${sexRaw ? ` (got "${sexRaw.slice(0, 10)}")` : ''}`,
      });

    // Excel keeps 15 significant digits of a number: a 16-digit NIK typed as one has lost its last digit
    const nikError = numeric?.includes(c.nik) ? NUMBER_CELL : this.nikError(nik, birthDate, sex);
    if (nikError) errors.push({ row, field: 'nik', message: `nik ${nikError}` });
    const kkError = numeric?.includes(c.no_kk) ? NUMBER_CELL : this.kkError(kk);
    if (kkError) errors.push({ row, field: 'no_kk', message: `no_kk ${kkError}` });
    if (!name) errors.push({ row, field: 'nama', message: 'nama must not be empty' });
    else if (name.length > 200) errors.push({ row, field: 'nama', message: 'nama must be at most 200 characters' });
    if (address.length > 500) errors.push({ row, field: 'alamat', message: 'alamat must be at most 500 characters' });

    const village = this.village(villageRaw);
    if (typeof village !== 'string') errors.push({ row, field: 'kode_desa', message: village.message });

    let decile: number | null = null;
    if (decileRaw) {
      decile = /^\d{1,2}$/.test(decileRaw) ? Number(decileRaw) : NaN;
      if (!(decile >= 1 && decile <= 10))
        errors.push({ row, field: 'desil', message: `desil must be a whole number 1–10 or empty (got "${decileRaw.slice(0, 10)}")` });
    }
    const programs: string[] = [];
    if (programRaw) {
      for (const p of programRaw.split(';')) {
        const code = p.trim().toUpperCase();
        if (!code) continue;
        if (!PROGRAM.test(code)) {
          errors.push({
            row,
            field: 'program',
            message: `program "${p.trim().slice(0, 30)}" is not a programme code like PKH (programmes are separated by ";")`,
          });
          break;
        }
        if (!programs.includes(code)) programs.push(code);
      }
      // sorted: two snapshots compare programme lists as sets
      programs.sort();
    }
    if (errors.length > before) return undefined;
    return { row, nik, kk, name, birthDate: birthDate!, sex: sex!, address, villageCode: village as string, decile, programs };
  }

  /** The NIK rules of libs/domain's parseNik (same messages), with the row's birth date and sex. */
  private nikError(nik: string, birthDate: string | undefined, sex: 'M' | 'F' | undefined): string | undefined {
    if (!DIGITS16.test(nik)) return 'must be 16 digits';
    const area = this.districtError(nik);
    if (area) return area;
    const rawDay = Number(nik.slice(6, 8));
    const month = Number(nik.slice(8, 10));
    const yy = nik.slice(10, 12);
    const nikSex = rawDay > 40 ? 'F' : 'M';
    const day = rawDay > 40 ? rawDay - 40 : rawDay;
    if (!validDate(2000 + Number(yy), month, day) && !validDate(1900 + Number(yy), month, day)) {
      return 'birth date part (digits 7–12) is not a date DDMMYY (day + 40 for women)';
    }
    if (birthDate && birthDate.slice(2) !== `${yy}-${pad2(month)}-${pad2(day)}`) {
      return 'birth date part (digits 7–12) does not match the birth date';
    }
    if (sex && sex !== nikSex) return 'birth day part (digits 7–8) does not agree with the sex in the row (day + 40 for women)';
    if (nik.endsWith('0000')) return 'serial part (last 4 digits) must not be 0000';
    return undefined;
  }

  private kkError(kk: string): string | undefined {
    if (!DIGITS16.test(kk)) return 'must be 16 digits';
    return this.districtError(kk);
  }

  private districtError(digits: string): string | undefined {
    const key = digits.slice(0, 6);
    let ok = this.districts.get(key);
    const code = `${key.slice(0, 2)}.${key.slice(2, 4)}.${key.slice(4, 6)}`;
    if (ok === undefined) {
      ok = key.slice(0, 2) !== '00' && key.slice(2, 4) !== '00' && key.slice(4, 6) !== '00' && this.areas.isDistrict(code);
      this.districts.set(key, ok);
    }
    return ok ? undefined : 'area part (first 6 digits) is not a district (kecamatan) of the official Kemendagri list';
  }

  /** The dotted village code, or why it is refused: not a village, unknown, outside the agency's area. */
  private village(raw: string): string | { message: string } {
    if (!raw) return { message: 'kode_desa must not be empty' };
    let hit = this.villages.get(raw);
    if (hit === undefined) {
      const dotted = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(raw)
        ? raw
        : /^\d{10}$/.test(raw)
          ? `${raw.slice(0, 2)}.${raw.slice(2, 4)}.${raw.slice(4, 6)}.${raw.slice(6)}`
          : null;
      hit = dotted && this.areas.isVillage(dotted) ? dotted : dotted ? `?${dotted}` : null;
      if (this.villages.size < 200_000) this.villages.set(raw, hit);
    }
    if (hit === null) return { message: `kode_desa "${raw.slice(0, 20)}" is not a village code like 33.04.01.2001 or 3304012001` };
    if (hit.startsWith('?'))
      return { message: `kode_desa ${hit.slice(1)} is not a village (desa/kelurahan) of the official Kemendagri list` };
    if (!hit.startsWith(this.areaPrefix)) return { message: `kode_desa ${hit} is outside the agency's area (${this.areaCode})` };
    return hit;
  }
}

/** Postgres COPY text format: backslash, tab, newline and carriage return escaped. */
function esc(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** The columns COPY loads, in this order. */
export const COPY_COLUMNS = [
  'snapshot_id',
  'row_number',
  'nik',
  'kk',
  'name',
  'birth_date',
  'sex',
  'address',
  'village_code',
  'decile',
  'programs',
] as const;

/** One line of COPY text for a person of `snapshotId`. Programme codes need no escaping (PROGRAM). */
export function copyLine(snapshotId: string, p: RegistryPerson): string {
  return `${snapshotId}\t${p.row}\t${p.nik}\t${p.kk}\t${esc(p.name)}\t${p.birthDate}\t${p.sex}\t${esc(p.address)}\t${p.villageCode}\t${p.decile ?? '\\N'}\t{${p.programs.join(',')}}\n`;
}
