// Generated registry files (DTSEN, formerly DTKS) for the tests and the benchmark: plausible
// persons (NIKs whose area, birth date and sex agree with the row; real villages of the area),
// written as a stream so a million rows never sit in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { getVillages } from 'idn-area-data';

export interface Area {
  /** districts of the regency (dotted), and for each its villages */
  districts: string[];
  villages: Map<string, string[]>;
}

export async function areaOf(regencyCode: string): Promise<Area> {
  const all = await getVillages();
  const villages = new Map<string, string[]>();
  for (const v of all) {
    if (!v.code.startsWith(`${regencyCode}.`)) continue;
    const d = v.code.slice(0, 8);
    if (!villages.has(d)) villages.set(d, []);
    villages.get(d)!.push(v.code);
  }
  return { districts: [...villages.keys()].sort(), villages };
}

export interface GeneratedPerson {
  nik: string;
  no_kk: string;
  nama: string;
  tanggal_lahir: string;
  jenis_kelamin: 'L' | 'P';
  alamat: string;
  kode_desa: string;
  desil: string;
  program: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Person `i` of a generated registry: unique NIK for every i (district, birth date and serial
 * are a bijection of i), households of 4 sharing a KK, deciles 1–10 (some empty), programmes.
 * `seed` shifts names, addresses and deciles, so two registries of the same persons differ.
 */
export function person(area: Area, i: number, seed = 0): GeneratedPerson {
  const nd = area.districts.length;
  const district = area.districts[i % nd];
  const dateIdx = Math.floor(i / nd) % 23520;
  const serial = Math.floor(i / (nd * 23520)) + 1;
  const year = 1950 + (dateIdx % 70);
  const month = 1 + (Math.floor(dateIdx / 70) % 12);
  const day = 1 + (Math.floor(dateIdx / 840) % 28);
  const female = i % 2 === 1;
  const digits = district.replace(/\./g, '');
  const nik = `${digits}${pad(female ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(serial, 4)}`;
  const hh = Math.floor(i / 4);
  const kkDistrict = area.districts[hh % nd].replace(/\./g, '');
  const vs = area.villages.get(district)!;
  const village = vs[dateIdx % vs.length];
  return {
    nik,
    no_kk: `${kkDistrict}${pad(hh % 10_000_000_000, 10)}`,
    nama: `Warga ${i}${seed ? ` ${seed}` : ''}`,
    tanggal_lahir: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    jenis_kelamin: female ? 'P' : 'L',
    alamat: `Jl. Merdeka No. ${(i + seed) % 200}, RT ${pad((i % 9) + 1, 2)}`,
    kode_desa: i % 3 === 0 ? village.replace(/\./g, '') : village,
    desil: (i + seed) % 13 === 0 ? '' : String(((i + seed) % 10) + 1),
    program: i % 7 === 0 ? 'PKH;BPNT' : i % 11 === 0 ? 'PBI-JK' : '',
  };
}

export const HEADER = ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa', 'desil', 'program'] as const;

function csvCell(v: string): string {
  return /[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',') + '\n';
}

export function personValues(p: GeneratedPerson): string[] {
  return HEADER.map((h) => p[h]);
}

/** Writes a CSV of persons `from`…`from + count - 1` (plus `extra` lines) to `file`, streaming. */
export async function writeRegistryCsv(
  file: string,
  area: Area,
  count: number,
  opts: { from?: number; seed?: number; header?: readonly string[]; extra?: string[][] } = {},
): Promise<void> {
  const out = createWriteStream(file);
  const from = opts.from ?? 0;
  let buf = csvLine(opts.header ?? HEADER);
  for (let i = from; i < from + count; i++) {
    buf += csvLine(personValues(person(area, i, opts.seed ?? 0)));
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  for (const e of opts.extra ?? []) buf += csvLine(e);
  out.end(buf);
  await once(out, 'finish');
}

/**
 * Writes persons `from`…`from + count - 1` as the first sheet of an .xlsx workbook, streaming,
 * the way Excel saves one: every text cell in the shared-string table (written after the sheet),
 * NIK and KK as text, `desil` as a number.
 */
export async function writeRegistryXlsx(
  file: string,
  area: Area,
  count: number,
  opts: { from?: number; seed?: number } = {},
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('DTSEN');
  ws.addRow([...HEADER]).commit();
  const from = opts.from ?? 0;
  for (let i = from; i < from + count; i++) {
    const p = person(area, i, opts.seed ?? 0);
    ws.addRow([
      p.nik,
      p.no_kk,
      p.nama,
      p.tanggal_lahir,
      p.jenis_kelamin,
      p.alamat,
      p.kode_desa,
      p.desil === '' ? null : Number(p.desil),
      p.program,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}
