/**
 * The decree and its attachment as a PDF to print and sign, with PDFKit: the one PDF library of
 * the project (README, "Documents"). It writes pages as it goes into a Node stream, so a
 * 20,000-recipient attachment (about 450 pages) never becomes one object tree in memory. The
 * table is drawn row by row with PDFKit's text primitives, not its `table()` helper, which lays
 * out every cell through its generic cell model: measured here about 5 times slower per row.
 * Fonts: the PDF standard Helvetica (WinAnsi, covers Indonesian names and addresses); no font file
 * is embedded. A letter outside WinAnsi (rare in Indonesian names: "Nguyễn") is printed without its
 * diacritics rather than as a wrong glyph; the XLSX keeps every name exactly.
 */
import { PassThrough, type Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { type DecreeInput, type PreparedDecree, type PreparedRecipient, decreeArticles, prepareDecree } from './decree.js';
import { displayNik, formatAmount, watchOutput } from './format.js';

const MARGIN = { top: 56, bottom: 60, left: 60, right: 50 };
const A4 = { width: 595.28, height: 841.89 };
const CONTENT = A4.width - MARGIN.left - MARGIN.right;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TABLE_FONT = 8;
const PAD = 3;
/** column widths of the attachment's table: No, Nama, NIK, Alamat, Jumlah (Rp) */
const COLS = [26, 124, 82, CONTENT - 26 - 124 - 82 - 78, 78];
const HEADERS = ['No', 'Nama', 'NIK', 'Alamat', 'Jumlah (Rp)'];
/** rows between two yields to the event loop, so that a service producing a large decree keeps answering */
const YIELD_EVERY = 250;

type Doc = PDFKit.PDFDocument;

// the WinAnsi characters above Latin-1's printable range (PDF 32000-1, Annex D)
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NO_DECOMPOSITION: Record<string, string> = { Đ: 'D', đ: 'd', Ł: 'L', ł: 'l', ı: 'i', Ø: 'O', ø: 'o', ß: 'ss' };

/** The text with every character Helvetica (WinAnsi) can print: diacritics outside it dropped, anything else "?". */
export function winAnsi(text: string): string {
  if (/^[\x20-\x7E\xA0-\xFF]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\n' || ch === '\t') out += ' ';
    else if (NO_DECOMPOSITION[ch]) out += NO_DECOMPOSITION[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => c.codePointAt(0)! <= 0xff) ? base : '?';
    }
  }
  return out;
}

/** The decree with every text made printable in WinAnsi. */
function printable(d: PreparedDecree): PreparedDecree {
  const i = d.input;
  return {
    ...d,
    office: winAnsi(d.office),
    signatoryTitle: winAnsi(d.signatoryTitle),
    input: {
      ...i,
      decreeNumber: winAnsi(i.decreeNumber),
      place: winAnsi(i.place),
      subject: winAnsi(i.subject),
      considering: i.considering?.map(winAnsi),
      observing: i.observing?.map(winAnsi),
      budgetSource: i.budgetSource === undefined ? undefined : winAnsi(i.budgetSource),
      signatory: { ...i.signatory, name: winAnsi(i.signatory.name), nip: i.signatory.nip && winAnsi(i.signatory.nip) },
    },
    recipients: d.recipients.map((r) => ({ ...r, name: winAnsi(r.name), address: winAnsi(r.address) })),
  };
}

export interface PdfResult {
  pages: number;
  bytes: number;
}

/** Writes the decree and its attachment as a PDF into `out` (ended when done). */
export async function writeDecreePdf(input: DecreeInput, out: Writable): Promise<PdfResult> {
  const d = printable(prepareDecree(input));
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: true,
    info: { Title: `Keputusan ${title(d.office)} Nomor ${d.input.decreeNumber}`, Subject: d.input.subject, Creator: 'Sigap' },
  });
  let pages = 1;
  let bytes = 0;
  doc.on('data', (c: Buffer) => (bytes += c.length));
  doc.on('pageAdded', () => {
    pages++;
    footer(doc, d, pages);
  });
  const { done, pause } = watchOutput(out);
  doc.pipe(out);
  footer(doc, d, 1);
  decreeText(doc, d);
  await attachment(doc, d, pause);
  doc.end();
  await done;
  return { pages, bytes };
}

/** The decree's PDF as one Buffer (for a test or a small decree; a service streams with `writeDecreePdf`). */
export async function renderDecreePdf(input: DecreeInput): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeDecreePdf(input, sink);
  return Buffer.concat(chunks);
}

function title(s: string): string {
  return s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
}

function footer(doc: Doc, d: PreparedDecree, page: number): void {
  const { x, y } = doc;
  // a page may begin inside a paragraph that PDFKit carries over: its font and size must come back
  const state = doc as unknown as { _font?: { name: string }; _fontSize: number };
  const font = state._font?.name ?? REGULAR;
  const size = state._fontSize;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // writing below the bottom margin must not start a new page
  doc.font(REGULAR).fontSize(7).fillColor('#444444');
  doc.text(`Keputusan ${title(d.office)} Nomor ${d.input.decreeNumber}`, MARGIN.left, A4.height - 40, { lineBreak: false });
  const label = `Halaman ${page}`;
  doc.text(label, A4.width - MARGIN.right - doc.widthOfString(label), A4.height - 40, { lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor('black').font(font).fontSize(size);
  doc.x = x;
  doc.y = y;
}

function centered(doc: Doc, text: string, font = BOLD, size = 11, gap = 2): void {
  doc.font(font).fontSize(size).text(text, MARGIN.left, doc.y, { width: CONTENT, align: 'center' });
  doc.moveDown(gap / 10);
}

/** "Label : text" with the text in its own column, wrapped (Menimbang, Mengingat, the articles). */
function labelled(doc: Doc, label: string, items: string[], opts: { labelWidth?: number; marker?: (i: number) => string } = {}): void {
  const lw = opts.labelWidth ?? 78;
  const colon = MARGIN.left + lw;
  const markerW = opts.marker ? 16 : 0;
  const textX = colon + 10 + markerW;
  const width = MARGIN.left + CONTENT - textX;
  doc.font(REGULAR).fontSize(11);
  items.forEach((item, i) => {
    if (doc.y + doc.currentLineHeight(true) > A4.height - MARGIN.bottom) doc.addPage();
    const y = doc.y;
    if (i === 0) {
      doc.text(label, MARGIN.left, y, { width: lw, lineBreak: false });
      doc.text(':', colon, y, { lineBreak: false });
    }
    if (opts.marker) doc.text(opts.marker(i), colon + 10, y, { lineBreak: false });
    doc.text(item, textX, y, { width, align: 'justify' });
    doc.moveDown(0.3);
  });
}

function signature(doc: Doc, d: PreparedDecree): void {
  const x = MARGIN.left + CONTENT / 2 + 10;
  const w = CONTENT / 2 - 10;
  // the block is kept on one page: a signature never stands alone on a page without its place and date
  if (doc.y + 150 > A4.height - MARGIN.bottom) doc.addPage();
  doc.moveDown(1);
  doc.font(REGULAR).fontSize(11);
  doc.text(`Ditetapkan di ${d.input.place}`, x, doc.y, { width: w });
  doc.text(`pada tanggal ${d.dateText}`, x, doc.y, { width: w });
  doc.moveDown(0.5);
  doc.font(BOLD).text(`${d.signatoryTitle},`, x, doc.y, { width: w });
  doc.moveDown(4);
  doc.font(BOLD).text(d.input.signatory.name, x, doc.y, { width: w, underline: true });
  if (d.input.signatory.nip) doc.font(REGULAR).text(`NIP. ${d.input.signatory.nip}`, x, doc.y, { width: w });
  doc.x = MARGIN.left;
}

function decreeText(doc: Doc, d: PreparedDecree): void {
  doc.y = MARGIN.top;
  centered(doc, d.office, BOLD, 13, 8);
  doc.moveDown(0.5);
  centered(doc, `KEPUTUSAN ${d.office}`);
  centered(doc, `NOMOR ${d.input.decreeNumber}`, REGULAR);
  doc.moveDown(0.3);
  centered(doc, 'TENTANG');
  centered(doc, d.input.subject.toUpperCase());
  doc.moveDown(0.8);
  centered(doc, 'DENGAN RAHMAT TUHAN YANG MAHA ESA');
  doc.moveDown(0.3);
  centered(doc, `${d.office},`);
  doc.moveDown(0.8);
  const letters = (i: number) => `${String.fromCharCode(97 + (i % 26))}.`;
  if (d.input.considering?.length) {
    labelled(doc, 'Menimbang', d.input.considering, { marker: letters });
    doc.moveDown(0.5);
  }
  if (d.input.observing?.length) {
    labelled(doc, 'Mengingat', d.input.observing, { marker: (i) => `${i + 1}.` });
    doc.moveDown(0.5);
  }
  centered(doc, 'MEMUTUSKAN:');
  doc.moveDown(0.3);
  labelled(doc, 'Menetapkan', [`KEPUTUSAN ${d.office} TENTANG ${d.input.subject.toUpperCase()}.`]);
  for (const [label, text] of decreeArticles(d, formatAmount(d.total))) labelled(doc, label, [text]);
  signature(doc, d);
}

function tableHeader(doc: Doc, y: number): number {
  doc.font(BOLD).fontSize(TABLE_FONT);
  const h = doc.currentLineHeight(true) + 2 * PAD;
  doc.rect(MARGIN.left, y, CONTENT, h).fillAndStroke('#e6e6e6', 'black');
  doc.fillColor('black');
  let x = MARGIN.left;
  HEADERS.forEach((t, i) => {
    const tw = doc.widthOfString(t);
    doc.text(t, x + (COLS[i] - tw) / 2, y + PAD, { lineBreak: false });
    x += COLS[i];
  });
  verticals(doc, y, h);
  doc.font(REGULAR);
  return y + h;
}

function verticals(doc: Doc, y: number, h: number): void {
  let x = MARGIN.left;
  for (let i = 0; i <= COLS.length; i++) {
    doc.moveTo(x, y).lineTo(x, y + h);
    x += COLS[i] ?? 0;
  }
  doc
    .moveTo(MARGIN.left, y + h)
    .lineTo(MARGIN.left + CONTENT, y + h)
    .stroke();
}

/** A cell's height: one line unless the text is wider than its column (measured once, wrapped only then). */
function cellHeight(doc: Doc, text: string, col: number, line: number): number {
  const w = COLS[col] - 2 * PAD;
  return doc.widthOfString(text) <= w ? line : doc.heightOfString(text, { width: w });
}

type Align = 'left' | 'right' | 'center';

function cell(doc: Doc, text: string, col: number, x: number, y: number, line: number, h: number, align: Align): void {
  const w = COLS[col] - 2 * PAD;
  if (h > line) {
    doc.text(text, x + PAD, y + PAD, { width: w });
    return;
  }
  const tw = align === 'left' ? 0 : doc.widthOfString(text);
  const dx = align === 'right' ? w - tw : align === 'center' ? (w - tw) / 2 : 0;
  doc.text(text, x + PAD + dx, y + PAD, { lineBreak: false });
}

async function attachment(doc: Doc, d: PreparedDecree, pause: () => Promise<void>): Promise<void> {
  doc.addPage();
  const x = MARGIN.left + CONTENT / 2 - 20;
  const w = MARGIN.left + CONTENT - x;
  doc.font(REGULAR).fontSize(10);
  doc.text(`LAMPIRAN KEPUTUSAN ${d.office}`, x, MARGIN.top, { width: w });
  for (const [label, value] of [
    ['NOMOR', d.input.decreeNumber],
    ['TANGGAL', d.dateText],
    ['TENTANG', d.input.subject.toUpperCase()],
  ]) {
    const y = doc.y;
    doc.text(label, x, y, { lineBreak: false });
    doc.text(':', x + 58, y, { lineBreak: false });
    doc.text(value, x + 66, y, { width: w - 66 });
  }
  doc.moveDown(1.5);
  centered(doc, 'DAFTAR PENERIMA', BOLD, 11);
  centered(doc, d.input.subject.toUpperCase(), BOLD, 11);
  doc.moveDown(0.8);

  const bottom = A4.height - MARGIN.bottom;
  let y = tableHeader(doc, doc.y);
  doc.font(REGULAR).fontSize(TABLE_FONT);
  const line = doc.currentLineHeight(true);
  const drawRow = (r: PreparedRecipient) => {
    const texts = [String(r.no), r.name, displayNik(r.nik, d.nikDisplay), r.address, formatAmount(r.amount)];
    const nameH = cellHeight(doc, texts[1], 1, line);
    const addressH = cellHeight(doc, texts[3], 3, line);
    const inner = Math.max(line, nameH, addressH);
    const h = inner + 2 * PAD;
    if (y + h > bottom) {
      doc.addPage();
      doc.fontSize(TABLE_FONT);
      y = tableHeader(doc, MARGIN.top);
      doc.fontSize(TABLE_FONT);
    }
    let x = MARGIN.left;
    const aligns = ['center', 'left', 'left', 'left', 'right'] as const;
    texts.forEach((t, i) => {
      cell(doc, t, i, x, y, line, i === 1 ? nameH : i === 3 ? addressH : line, aligns[i]);
      x += COLS[i];
    });
    verticals(doc, y, h);
    y += h;
  };
  for (let i = 0; i < d.recipients.length; i++) {
    drawRow(d.recipients[i]);
    if ((i + 1) % YIELD_EVERY === 0) await pause();
  }
  // the total row, then the total in words
  const h = line + 2 * PAD;
  if (y + h + 3 * line > bottom) {
    doc.addPage();
    y = MARGIN.top;
  }
  doc.font(BOLD).fontSize(TABLE_FONT);
  doc.rect(MARGIN.left, y, CONTENT, h).stroke();
  const jumlah = `JUMLAH (${d.recipients.length} penerima)`;
  doc.text(jumlah, MARGIN.left + PAD, y + PAD, { lineBreak: false });
  const total = formatAmount(d.total);
  doc.text(total, MARGIN.left + CONTENT - PAD - doc.widthOfString(total), y + PAD, { lineBreak: false });
  doc
    .moveTo(MARGIN.left + CONTENT - COLS[4], y)
    .lineTo(MARGIN.left + CONTENT - COLS[4], y + h)
    .stroke();
  y += h + 6;
  doc.font(REGULAR).fontSize(10);
  doc.text(`Terbilang: ${d.totalWordsTitle}`, MARGIN.left, y, { width: CONTENT });
  doc.fontSize(11);
  signature(doc, d);
}
