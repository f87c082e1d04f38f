/**
 * Indonesia's national holidays (hari libur nasional) and collective leave (cuti bersama):
 * the official lists where the government has published them, `date-holidays` otherwise.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';

// `date-holidays` carries every country's rules: importing it costs ~0.75 s, which every
// service importing `#domain` would pay at start. It is loaded on the first year the official
// lists do not cover, synchronously through its CommonJS build (`seedNonWorkingDays` is sync).
let HolidaysCtor: typeof Holidays | undefined;
function holidaysFor(country: string): Holidays {
  if (!HolidaysCtor) {
    const mod = createRequire(import.meta.url)('date-holidays') as typeof Holidays | { default: typeof Holidays };
    HolidaysCtor = 'default' in mod ? mod.default : mod;
  }
  return new HolidaysCtor(country);
}

type DayList = ReadonlyArray<readonly [date: string, name: string]>;

/**
 * Official national holidays by year. 2026: SKB of the Ministers of Religious Affairs, Manpower
 * and PANRB No. 1497/2025, 2/2025, 5/2025 (17 days). `date-holidays` 3.37 differs from it: it
 * names 16 Jan "Maulid Nabi" (Isra Mikraj), puts Idul Fitri on 20–21 Mar (officially 21–22
 * Mar) and lacks Easter Sunday, so the official list replaces the package's for such years.
 */
export const OFFICIAL_NATIONAL_HOLIDAYS: Readonly<Record<number, DayList>> = {
  2026: [
    ['2026-01-01', 'Tahun Baru 2026 Masehi'],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
    ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
    ['2026-03-21', 'Idul Fitri 1447 Hijriah'],
    ['2026-03-22', 'Idul Fitri 1447 Hijriah'],
    ['2026-04-03', 'Wafat Yesus Kristus'],
    ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2026-05-01', 'Hari Buruh Internasional'],
    ['2026-05-14', 'Kenaikan Yesus Kristus'],
    ['2026-05-27', 'Idul Adha 1447 Hijriah'],
    ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
    ['2026-06-01', 'Hari Lahir Pancasila'],
    ['2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'],
    ['2026-08-17', 'Proklamasi Kemerdekaan'],
    ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
    ['2026-12-25', 'Kelahiran Yesus Kristus'],
  ],
};

/** Official cuti bersama by year (2026: the same SKB, 8 days). `date-holidays` knows none. */
export const OFFICIAL_CUTI_BERSAMA: Readonly<Record<number, DayList>> = {
  2026: [
    ['2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili'],
    ['2026-03-18', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'],
    ['2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah'],
    ['2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah'],
    ['2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah'],
    ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
    ['2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah'],
    ['2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'],
  ],
};

/** Names by the package's rule, in the official wording; '27 Rajab' is Isra Mikraj, which the package calls "Maulid Nabi". */
const NAME_BY_RULE: Readonly<Record<string, string>> = {
  '01-01': 'Tahun Baru Masehi',
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
  'chinese 01-0-01': 'Tahun Baru Imlek',
  '1 Shawwal': 'Idul Fitri',
  '2 Shawwal': 'Idul Fitri',
  'easter -2': 'Wafat Yesus Kristus',
  easter: 'Kebangkitan Yesus Kristus (Paskah)',
  '05-01': 'Hari Buruh Internasional',
  'easter 39': 'Kenaikan Yesus Kristus',
  '10 Dhu al-Hijjah': 'Idul Adha',
  '06-01': 'Hari Lahir Pancasila',
  '1 Muharram': 'Tahun Baru Islam',
  '08-17': 'Proklamasi Kemerdekaan',
  '12 Rabi al-awwal': 'Maulid Nabi Muhammad SAW',
  '12-25': 'Kelahiran Yesus Kristus',
};

/**
 * The package's public holidays of a year, as local dates: the Islamic ones carry a `-0600`
 * offset in the package, so the calendar date is read from `date`, never from the instant.
 * Easter Sunday, a national holiday the package lacks, is added. Two holidays on one date
 * become one entry with both names.
 */
export function packageHolidays(year: number): Array<[date: string, name: string]> {
  const hd = holidaysFor('ID');
  hd.setHoliday('easter', { name: 'Kebangkitan Yesus Kristus (Paskah)', type: 'public' });
  const byDate = new Map<string, string[]>();
  for (const h of hd.getHolidays(year, 'id')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const name = NAME_BY_RULE[h.rule] ?? h.name;
    const names = byDate.get(date) ?? [];
    if (!names.includes(name)) names.push(name);
    byDate.set(date, names);
  }
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, names]) => [date, names.join(' / ')]);
}
