import { describe, expect, it } from '@jest/globals';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decree, recipient } from './decree.fixtures.js';
import { renderDecreePdf, winAnsi } from './decree-pdf.js';
import { decreeIssuerOf } from './decree.js';
import { DocumentInputError } from './format.js';

/** The text of each page, as a reader (or a search) would get it from the PDF: pdfjs-dist, Mozilla's PDF reader. */
async function pdfText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

describe('the decree as a PDF', () => {
  it('shows the decree number, every recipient and the total in figures and in words', async () => {
    const input = decree(30); // 30 × Rp1.500.000 = Rp45.000.000
    const pdf = await renderDecreePdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfText(pdf);
    const text = flat(pages);
    expect(text).toContain('KEPUTUSAN WALIKOTA PASURUAN');
    expect(text).toContain('NOMOR 188.45/412/423.011/2026');
    expect(text).toContain('PENERIMA BANTUAN SOSIAL REHABILITASI SOSIAL TAHUN ANGGARAN 2026');
    expect(text).toContain('Menimbang');
    expect(text).toContain('sebanyak 30 (tiga puluh) orang');
    expect(text).toContain('Rp45.000.000,- (empat puluh lima juta rupiah)');
    expect(text).toContain('Ditetapkan di Pasuruan');
    expect(text).toContain('pada tanggal 2 Desember 2026');
    expect(text).toContain('ADI WIBOWO');
    // the attachment
    expect(text).toContain('LAMPIRAN KEPUTUSAN WALIKOTA PASURUAN');
    for (const r of input.recipients) {
      expect(text).toContain(r.name);
      expect(text).toContain(r.nik);
    }
    expect(text).toContain('JUMLAH (30 penerima) 45.000.000');
    expect(text).toContain('Terbilang: Empat Puluh Lima Juta Rupiah');
  });

  it('carries a long attachment over pages, repeating the table header, with every row once', async () => {
    const input = decree(400, 2_750_000n); // Rp1.100.000.000
    const pages = await pdfText(await renderDecreePdf(input));
    expect(pages.length).toBeGreaterThan(10);
    const text = flat(pages);
    // every NIK exactly once, and in order
    let at = 0;
    for (const r of input.recipients) {
      const i = text.indexOf(r.nik, at);
      expect(i).toBeGreaterThan(at - 1);
      expect(text.indexOf(r.nik, i + 1)).toBe(-1);
      at = i;
    }
    // the attachment's pages (all but the decree's first) begin their table with the header
    const tablePages = pages.slice(2).filter((p) => /\d{16}/.test(p));
    for (const p of tablePages) expect(p.replace(/\s+/g, ' ')).toMatch(/No Nama NIK Alamat Jumlah \(Rp\)/);
    expect(text).toContain('Halaman 12');
    expect(text).toContain('Rp1.100.000.000,- (satu miliar seratus juta rupiah)');
    expect(text).toContain('Terbilang: Satu Miliar Seratus Juta Rupiah');
  });

  it('wraps a long address inside its cell instead of cutting it', async () => {
    const address = 'Jl. Raya Pasuruan–Probolinggo Gang Melati III No. 17 RT 004 RW 002, Kelurahan Bugul Kidul, Kecamatan Bugul Kidul';
    const long = { ...recipient(0), address };
    const pages = await pdfText(await renderDecreePdf({ ...decree(1), recipients: [long, recipient(1)] }));
    const text = flat(pages);
    for (const word of ['Gang Melati III', 'Kelurahan Bugul Kidul,', 'Kecamatan Bugul Kidul']) expect(text).toContain(word);
    expect(text).toContain(recipient(1).nik);
  });

  it("prints a name outside Helvetica's letters without its diacritics, never as a wrong glyph", async () => {
    expect(winAnsi('Siti Aminah')).toBe('Siti Aminah');
    expect(winAnsi('Nguyễn Thị Đào Şükrü — 李')).toBe('Nguyen Thi Dào Sükrü — ?');
    const input = decree(2);
    input.recipients[1] = { ...input.recipients[1], name: 'Nguyễn Thị Đào' };
    const text = flat(await pdfText(await renderDecreePdf(input)));
    expect(text).toContain('Nguyen Thi Dào');
  });

  it('keeps a paragraph carried over to the next page in its own font size (the footer does not leak into it)', async () => {
    const input = decree(2);
    input.considering = Array.from(
      { length: 9 },
      (_, i) =>
        `bahwa pertimbangan nomor ${i + 1} sengaja panjang agar paragrafnya ` +
        'melewati batas halaman dan berlanjut di halaman berikutnya, seperti keputusan dengan banyak pertimbangan;',
    );
    const doc = await getDocument({ data: new Uint8Array(await renderDecreePdf(input)), verbosity: 0 }).promise;
    const sizes = new Set<number>();
    for (const it of (await (await doc.getPage(2)).getTextContent()).items) {
      // the footer (7 pt) sits below y = 50
      if ('str' in it && it.str.trim() && it.transform[5] > 50) sizes.add(Math.round(it.transform[0]));
    }
    await doc.destroy();
    expect([...sizes]).toEqual([11]);
  });

  it('masks the NIKs of a copy for publication when asked', async () => {
    const input = { ...decree(3), nikDisplay: 'masked' as const };
    const text = flat(await pdfText(await renderDecreePdf(input)));
    for (const r of input.recipients) {
      expect(text).not.toContain(r.nik);
      expect(text).toContain(`************${r.nik.slice(-4)}`);
    }
  });

  it('names the issuer from the agency, and prints the office as the agency writes it', async () => {
    expect(decreeIssuerOf('Dinas Sosial Kota Pasuruan')).toEqual({ issuer: 'WALIKOTA', regionName: 'PASURUAN' });
    expect(decreeIssuerOf('Dinas Sosial PPPA Kabupaten Banjarnegara')).toEqual({ issuer: 'BUPATI', regionName: 'BANJARNEGARA' });
    expect(decreeIssuerOf('Dinas Sosial Provinsi Kalimantan Barat')).toEqual({ issuer: 'GUBERNUR', regionName: 'KALIMANTAN BARAT' });
    expect(decreeIssuerOf('Biro Kesejahteraan Rakyat')).toBeUndefined();
    const text = flat(await pdfText(await renderDecreePdf({ ...decree(1), office: 'Wali Kota Pasuruan' })));
    expect(text).toContain('KEPUTUSAN WALI KOTA PASURUAN');
    expect(text).toContain('LAMPIRAN KEPUTUSAN WALI KOTA PASURUAN');
    expect(text).not.toContain('WALIKOTA');
  });

  it('refuses bad input naming each field, before writing anything', async () => {
    const input = decree(3);
    input.recipients[1] = { ...input.recipients[1], amount: 1500000 as unknown as bigint, nik: '123' };
    input.decreeNumber = '';
    const err = await renderDecreePdf(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentInputError);
    expect((err as DocumentInputError).details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['decreeNumber', 'recipients[1].nik', 'recipients[1].amount']),
    );
  });
});
