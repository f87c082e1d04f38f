import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BankAnswerErrorCode, parseBankAccountAnswer } from './bank-answer.js';
import {
  ACCOUNT_OPENING_COLUMNS,
  type AccountOpeningRow,
  PAYMENT_COLUMNS,
  accountOpeningCsv,
  paymentFileCsv,
  renderAccountOpeningXlsx,
} from './bank-files.js';
import { DocumentInputError } from './format.js';

function person(i: number, over: Partial<AccountOpeningRow> = {}): AccountOpeningRow {
  return {
    reference: `BANSOS_REHSOS-35.75-2026-00000${i}`,
    nik: `35750141019000${String(i).padStart(2, '0')}`,
    kkNumber: `35750101012000${String(i).padStart(2, '0')}`,
    name: `Siti Aminah ${i}`,
    birthPlace: 'Pasuruan',
    birthDate: '1990-01-01',
    sex: 'F',
    address: 'Jl. Soekarno Hatta No. 5',
    rt: '002',
    rw: '005',
    villageCode: '35.75.01.1001',
    villageName: 'Bugul Kidul',
    districtName: 'Panggungrejo',
    cityName: 'Kota Pasuruan',
    phone: '081234567890',
    ...over,
  };
}

const expected = [1, 2, 3, 4, 5, 6].map((i) => ({ reference: person(i).reference, nik: person(i).nik }));

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hasil');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the account-opening file for the bank', () => {
  it('is a CSV with the documented columns, identifiers kept as written, text quoted and formulas defused', () => {
    const odd = person(2, { name: 'Ahmad "Gus" Dur; bin Umar', address: '=HYPERLINK("http://x")', sex: 'M', kkNumber: undefined });
    const rows = [person(1), odd];
    const csv = accountOpeningCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parse(csv, { delimiter: ';' }) as string[][];
    expect(back[0]).toEqual([...ACCOUNT_OPENING_COLUMNS]);
    expect(back).toHaveLength(3);
    const col = (name: (typeof ACCOUNT_OPENING_COLUMNS)[number], row: number) => back[row][ACCOUNT_OPENING_COLUMNS.indexOf(name)];
    expect(col('NO', 1)).toBe('1');
    expect(col('NIK', 1)).toBe(person(1).nik);
    expect(col('NO_REFERENSI', 2)).toBe(person(2).reference);
    expect(col('JENIS_KELAMIN', 1)).toBe('P');
    expect(col('JENIS_KELAMIN', 2)).toBe('L');
    expect(col('NAMA_LENGKAP', 2)).toBe('Ahmad "Gus" Dur; bin Umar');
    expect(col('ALAMAT', 2)).toBe('\'=HYPERLINK("http://x")');
    expect(col('NO_KK', 2)).toBe('');
    expect(col('TANGGAL_LAHIR', 1)).toBe('1990-01-01');
    expect(col('RT', 1)).toBe('002');
    expect(accountOpeningCsv([person(1)], { separator: ',', bom: true }).startsWith('\uFEFFNO,NO_REFERENSI,')).toBe(true);
  });

  it('is an XLSX whose every cell is text, so that Excel keeps NIKs and leading zeros', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderAccountOpeningXlsx([person(1), person(2)])) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Pembukaan Rekening')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...ACCOUNT_OPENING_COLUMNS]);
    expect(ws.rowCount).toBe(3);
    const nik = ws.getRow(3).getCell(ACCOUNT_OPENING_COLUMNS.indexOf('NIK') + 1);
    expect(nik.type).toBe(ExcelJS.ValueType.String);
    expect(nik.value).toBe(person(2).nik);
    expect(ws.getRow(2).getCell(ACCOUNT_OPENING_COLUMNS.indexOf('RT') + 1).value).toBe('002');
  });

  it('refuses a list with a bad person, naming the field', () => {
    let err: unknown;
    try {
      accountOpeningCsv([person(1), person(1), person(3, { nik: '35750141019', villageCode: '35.75' })]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DocumentInputError);
    expect((err as DocumentInputError).details.map((d) => d.path)).toEqual(['rows[1].reference', 'rows[2].nik', 'rows[2].villageCode']);
  });
});

describe('the payment file of a decree', () => {
  const line = (i: number, account: string | null = `00123456${i}0`) => ({
    reference: person(i).reference,
    nik: person(i).nik,
    accountName: `SITI AMINAH ${i}`,
    accountNumber: account,
    amount: '1500000',
  });

  it('lists one transfer per line with the amount in plain digits, and gives the count and exact total', () => {
    const file = paymentFileCsv({ decreeNumber: '188.45/412/423.011/2026', lines: [line(1), line(2), { ...line(3), amount: 2_750_000n }] });
    expect(file.count).toBe(3);
    expect(file.total).toBe('5750000');
    const back = parse(file.csv, { delimiter: ';' }) as string[][];
    expect(back[0]).toEqual([...PAYMENT_COLUMNS]);
    const p1 = person(1);
    expect(back[1]).toEqual(['1', '0012345610', 'SITI AMINAH 1', '1500000', p1.reference, p1.nik, 'SK 188.45/412/423.011/2026']);
    expect(back[3][3]).toBe('2750000');
  });

  it('refuses a line without an account, an account paid twice, and a zero amount', () => {
    let err: unknown;
    try {
      const twice = { ...line(3), accountNumber: line(1).accountNumber };
      paymentFileCsv({ decreeNumber: 'X', lines: [line(1), line(2, null), twice, { ...line(4), amount: '0' }] });
    } catch (e) {
      err = e;
    }
    expect((err as DocumentInputError).details).toEqual([
      { path: 'lines[1].accountNumber', message: 'is missing: the recipient has no bank account yet' },
      { path: 'lines[2].accountNumber', message: 'is also the account of lines[0]' },
      { path: 'lines[3].amount', message: 'must be more than 0' },
    ]);
  });
});

describe("the bank's answer with the account numbers", () => {
  it('reads a CSV and reports each bad row with its row, column and reason', async () => {
    const p = (i: number) => person(i);
    const csv = [
      'NO;NO_REFERENSI;NIK;NAMA_REKENING;NO_REKENING;STATUS;KETERANGAN',
      `1;${p(1).reference};${p(1).nik};SITI AMINAH 1;0012345678;BERHASIL;`,
      `2;${p(2).reference};${p(2).nik};SITI AMINAH 2;0012 345 679;BERHASIL;`,
      `3;${p(3).reference};${p(4).nik};SITI AMINAH 3;0012345680;BERHASIL;`,
      `4;BANSOS_REHSOS-35.75-2026-999999;${p(4).nik};X;0012345681;BERHASIL;`,
      `5;${p(4).reference};${p(4).nik};SITI AMINAH 4;00123A5682;BERHASIL;`,
      `6;${p(5).reference};${p(5).nik};SITI AMINAH 5;0012345678;BERHASIL;`,
      `7;${p(6).reference};${p(6).nik};SITI AMINAH 6;;GAGAL;NIK tidak ditemukan di Dukcapil`,
      `8;${p(1).reference};${p(1).nik};SITI AMINAH 1;0012345699;BERHASIL;`,
      '',
    ].join('\r\n');
    const answer = await parseBankAccountAnswer(Buffer.from(csv), 'hasil-bank-jatim.csv', { expected });
    expect(answer.rows).toBe(8);
    expect(answer.accounts).toEqual([
      { row: 2, reference: p(1).reference, nik: p(1).nik, accountNumber: '0012345678', accountName: 'SITI AMINAH 1' },
      { row: 3, reference: p(2).reference, nik: p(2).nik, accountNumber: '0012345679', accountName: 'SITI AMINAH 2' },
    ]);
    expect(answer.refused).toEqual([{ row: 8, reference: p(6).reference, nik: p(6).nik, reason: 'NIK tidak ditemukan di Dukcapil' }]);
    expect(answer.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'NIK', BankAnswerErrorCode.NikMismatch],
      [5, 'NO_REFERENSI', BankAnswerErrorCode.UnknownReference],
      [6, 'NO_REKENING', BankAnswerErrorCode.Format],
      [7, 'NO_REKENING', BankAnswerErrorCode.Duplicate],
      [9, 'NO_REFERENSI', BankAnswerErrorCode.Duplicate],
    ]);
    expect(answer.errors[2].reason).toContain('hanya boleh berisi angka');
    expect(answer.errors[3].reason).toBe('nomor rekening yang sama sudah ada di baris 2');
    expect(answer.missing).toEqual([p(3).reference, p(4).reference, p(5).reference]);
  });

  it('refuses account numbers and NIKs an XLSX stored as numbers, and finds the header under a title', async () => {
    const p = (i: number) => person(i);
    const file = await xlsx([
      ['HASIL PEMBUKAAN REKENING KOLEKTIF BANK JATIM'],
      [],
      ['No', 'No Referensi', 'NIK', 'Nama Rekening', 'No. Rekening'],
      [1, p(1).reference, p(1).nik, 'SITI AMINAH 1', '0012345678'],
      [2, p(2).reference, p(2).nik, 'SITI AMINAH 2', 12345679], // lost its leading zeros
      [3, p(3).reference, Number(p(3).nik), 'SITI AMINAH 3', '0012345680'], // 16 digits as a double
      [4, p(4).reference, p(4).nik, 'SITI AMINAH 4', '1.23457E+15'], // what Excel writes out of a number
      [5, p(5).reference, p(5).nik, 'SITI AMINAH 5', '00123456'],
    ]);
    const answer = await parseBankAccountAnswer(file, 'hasil.xlsx', { expected, accountDigits: { min: 10, max: 10 } });
    expect(answer.accounts.map((a) => [a.row, a.accountNumber])).toEqual([[4, '0012345678']]);
    expect(answer.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, 'No. Rekening', BankAnswerErrorCode.NumericCell],
      [6, 'NIK', BankAnswerErrorCode.NumericCell],
      [7, 'No. Rekening', BankAnswerErrorCode.NumericCell],
      [8, 'No. Rekening', BankAnswerErrorCode.Format],
    ]);
    expect(answer.errors[0].reason).toContain('tersimpan sebagai angka (12345679)');
    expect(answer.errors[0].reason).toContain('Format kolom sebagai Teks');
    expect(answer.errors[3].reason).toBe('nomor rekening harus 10 digit, tertulis 8 digit');
  });

  it('reads a comma-separated answer matched by NIK alone', async () => {
    const csv = `NIK,NO_REKENING\n${person(1).nik},0012345678\n${person(2).nik},0012345679\n`;
    const answer = await parseBankAccountAnswer(Buffer.from(`\uFEFF${csv}`), 'a.csv', { expected });
    expect(answer.errors).toEqual([]);
    expect(answer.accounts.map((a) => a.reference)).toEqual([person(1).reference, person(2).reference]);
  });

  it('reports a file it cannot read as one error on row 0', async () => {
    const bad = async (data: Buffer, name: string) => (await parseBankAccountAnswer(data, name)).errors;
    expect(await bad(Buffer.from('a;b\n1;2\n'), 'x.csv')).toEqual([
      { row: 0, column: '', code: BankAnswerErrorCode.Header, reason: expect.stringContaining('NO_REKENING') },
    ]);
    expect((await bad(Buffer.from([0x4e, 0x49, 0x4b, 0x3b, 0xff, 0xfe, 0x0a]), 'x.csv'))[0].reason).toContain('bukan UTF-8');
    expect((await bad(Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx'))[0].reason).toContain('rusak');
    expect((await bad(Buffer.from('x'), 'x.pdf'))[0].reason).toBe('berkas harus CSV atau XLSX');
    expect((await parseBankAccountAnswer(Buffer.alloc(2000), 'x.csv', { maxBytes: 1000 })).errors[0].reason).toContain('lebih besar');
  });
});
