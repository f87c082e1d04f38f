/**
 * The registry's CSV reader (RFC 4180), fed decoded text as it arrives and never holding more
 * than one record: records end at a line break (LF or CRLF) outside quotes; a quote opens a
 * quoted field only as the field's first character (anywhere else it is a literal character);
 * inside quotes `""` is a quote and line breaks belong to the field; a closing quote is followed
 * by the delimiter, a line break or the end of the file.
 *
 * A file from outside is not trusted to follow it. What breaks the rules costs one row, never
 * the rows after it: the record is reported as a row error naming its row, and reading resumes
 * on the line after the one the record began on. That covers a quote that never closes (within
 * the record limit or the file), text after a closing quote, a record longer than the limit, a
 * record that runs over several lines and so has another number of fields than the header (a
 * stray quote "closed" by another one lines later), a NUL byte, and bytes that are not UTF-8.
 */
import type { FileRow } from './registry-file.js';

/** The longest record accepted, in characters (64 KB of ASCII); a longer one is a row error. */
export const MAX_RECORD_CHARS = 64 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Which delimiter the header line uses: the most frequent of `,` `;` and tab. */
export function guessDelimiter(headerLine: string): string {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  const candidates: Array<[string, number]> = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ',';
}

/** A record parsed from `start`: its fields, where its text ends and where the next record begins. */
type Parsed = { kind: 'ok'; values: string[]; end: number; next: number } | { kind: 'more' } | { kind: 'bad'; message: string };

/**
 * Reads CSV records from text pushed in pieces (`push`), then `end()`. Rows are numbered as a
 * spreadsheet shows them (the header is row 1); empty lines are skipped and not counted.
 */
export class CsvRecordReader {
  private rest = '';
  private delimiter?: string;
  private delimiterCode = 0;
  private row = 0;
  private fields = -1;
  private first = true;
  /** an over-long record's text is being passed over, up to its line break */
  private skipping = false;

  constructor(private readonly maxRecord = MAX_RECORD_CHARS) {}

  /** Reads the records the text completes into `out`; a record cut by the piece's end waits for the next. */
  push(text: string, out: FileRow[]): void {
    if (this.first && text.length) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.read(this.rest ? this.rest + text : text, false, out);
  }

  /** The end of the input: the last record (one without a final line break). */
  end(out: FileRow[]): void {
    this.read(this.rest, true, out);
    this.rest = '';
  }

  private emit(out: FileRow[], values: string[]): void {
    this.row++;
    if (this.fields < 0) this.fields = values.length;
    out.push({ row: this.row, values });
  }

  private refuse(out: FileRow[], problem: string): void {
    this.row++;
    out.push({ row: this.row, values: [], problem });
  }

  private tooLong(): string {
    return `the row is longer than ${this.maxRecord.toLocaleString('en-US')} characters: it is skipped up to its line break`;
  }

  private read(buf: string, final: boolean, out: FileRow[]): void {
    const max = this.maxRecord;
    const n = buf.length;
    let pos = 0;
    let quote = buf.indexOf('"');
    // the next NUL or U+FFFD (what the UTF-8 decoder puts for bytes that are not UTF-8)
    let bad = nextBad(buf, 0);
    while (pos < n) {
      if (this.skipping) {
        const nl = buf.indexOf('\n', pos);
        if (nl < 0) {
          pos = n;
          break;
        }
        this.skipping = false;
        pos = nl + 1;
        continue;
      }
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) {
        // no line end yet: wait for more, unless the record is already over the limit without one
        if (n - pos > max + 1) {
          this.refuse(out, this.tooLong());
          this.skipping = true;
          pos = n;
        }
        break;
      }
      if (this.delimiter === undefined) {
        // from the header: the first line that is not empty
        const head = buf.slice(pos, nl < 0 ? n : Math.min(nl, pos + max)).replace(/\r$/, '');
        if (!head) {
          pos = nl < 0 ? n : nl + 1;
          continue;
        }
        this.delimiter = guessDelimiter(head);
        this.delimiterCode = this.delimiter.charCodeAt(0);
      }
      if (quote >= 0 && quote < pos) quote = buf.indexOf('"', pos);
      const lineEnd = nl < 0 ? n : nl;
      const next = nl < 0 ? n : nl + 1;
      let values: string[];
      let end: number;
      let after: number;
      if (quote < 0 || quote >= lineEnd) {
        // the common case: one line without quotes
        end = lineEnd > pos && buf.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        if (end === pos) {
          pos = next;
          continue;
        }
        if (end - pos > max) {
          this.refuse(out, this.tooLong());
          pos = next;
          continue;
        }
        if (bad < pos) bad = nextBad(buf, pos);
        if (bad < end) {
          this.refuse(out, badMessage(buf, bad));
          pos = next;
          continue;
        }
        values = buf.slice(pos, end).split(this.delimiter);
        after = next;
      } else {
        const p = this.parse(buf, pos, final);
        if (p.kind === 'more') break;
        if (p.kind === 'bad' || (p.end > lineEnd && this.fields >= 0 && p.values.length !== this.fields)) {
          // the record is broken: it costs its first line, and reading resumes on the next
          if (lineEnd - pos > max) {
            this.refuse(out, this.tooLong());
          } else {
            this.refuse(
              out,
              p.kind === 'bad'
                ? p.message
                : `the row runs over several lines and has ${p.values.length} fields where the header has ${this.fields}: a quote (") that opens a field is not closed`,
            );
          }
          pos = next;
          continue;
        }
        ({ values, end, next: after } = p);
        if (end - pos > max) {
          this.refuse(out, this.tooLong());
          pos = after;
          continue;
        }
        if (bad < pos) bad = nextBad(buf, pos);
        if (bad < end) {
          this.refuse(out, badMessage(buf, bad));
          pos = after;
          continue;
        }
      }
      this.emit(out, values);
      pos = after;
    }
    this.rest = pos < n ? buf.slice(pos) : '';
  }

  /** One record from `start`, field by field (the record has a quote somewhere). */
  private parse(buf: string, start: number, final: boolean): Parsed {
    const n = buf.length;
    const limit = start + this.maxRecord;
    const delim = this.delimiter!;
    const dc = this.delimiterCode;
    const values: string[] = [];
    let i = start;
    let nl = buf.indexOf('\n', start);
    for (;;) {
      if (buf.charCodeAt(i) === QUOTE) {
        let field = '';
        let j = i + 1;
        for (;;) {
          const c = buf.indexOf('"', j);
          if (c < 0 || c > limit) {
            if (final || n > limit)
              return {
                kind: 'bad',
                message: `a quoted field (opened by ") is not closed within ${this.maxRecord.toLocaleString('en-US')} characters or by the end of the file`,
              };
            return { kind: 'more' };
          }
          if (c + 1 >= n && !final) return { kind: 'more' };
          if (buf.charCodeAt(c + 1) === QUOTE) {
            field += buf.slice(j, c + 1);
            j = c + 2;
            continue;
          }
          field += buf.slice(j, c);
          i = c + 1;
          break;
        }
        values.push(field);
        const ch = buf.charCodeAt(i);
        if (ch === dc) {
          i++;
          continue;
        }
        if (i >= n) return { kind: 'ok', values, end: i, next: i };
        if (ch === LF) return { kind: 'ok', values, end: i, next: i + 1 };
        if (ch === CR) {
          if (i + 1 >= n && !final) return { kind: 'more' };
          if (buf.charCodeAt(i + 1) === LF) return { kind: 'ok', values, end: i, next: i + 2 };
        }
        return {
          kind: 'bad',
          message: `field ${values.length} has text after its closing quote: a quoted field is quoted whole, a quote inside it doubled ("")`,
        };
      }
      // unquoted: up to the delimiter or the line end; a quote here is a character like any other
      if (nl >= 0 && nl < i) nl = buf.indexOf('\n', i);
      if (nl < 0 && !final) return { kind: 'more' };
      const lineEnd = nl < 0 ? n : nl;
      const d = buf.indexOf(delim, i);
      if (d >= 0 && d < lineEnd) {
        values.push(buf.slice(i, d));
        i = d + 1;
        continue;
      }
      const end = lineEnd > i && buf.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      values.push(buf.slice(i, end));
      return { kind: 'ok', values, end, next: nl < 0 ? n : nl + 1 };
    }
  }
}

function nextBad(buf: string, from: number): number {
  const a = buf.indexOf('\0', from);
  const b = buf.indexOf('\uFFFD', from);
  if (a < 0) return b < 0 ? Infinity : b;
  return b < 0 || a < b ? a : b;
}

function badMessage(buf: string, at: number): string {
  return buf.charCodeAt(at) === 0
    ? 'the row contains a NUL byte (the file is binary or damaged here)'
    : 'the row is not UTF-8 text (save the file as CSV UTF-8; a character such as é written in another encoding cannot be read)';
}
