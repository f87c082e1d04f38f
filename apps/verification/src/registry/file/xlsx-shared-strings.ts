/**
 * An .xlsx workbook's shared-string table kept on disk, not in memory. Excel puts every text
 * cell's value into that table, so for a registry export it holds every NIK, KK, name and
 * address: millions of strings, several hundred MB as JavaScript strings. Here they are
 * appended to a temporary file (their end offsets to a second one, 8 bytes each) as the table
 * is read, and looked up by index through a small cache of pages: Excel numbers the strings in
 * the order the sheet first uses them, so a sheet read row by row asks for them nearly in order,
 * and the few that repeat everywhere (L, P, a village code) stay in the first pages.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Strings per page read from disk at once. */
const PAGE = 256;
/** What the page cache may hold (bytes of UTF-8); the page in use is always kept. */
const CACHE_BYTES = 8 * 1024 * 1024;
const WRITE_BYTES = 1024 * 1024;
const INDEX_ENTRIES = 64 * 1024;

interface Page {
  /** the byte offset of the page's first string in the data file */
  base: number;
  /** end offsets of the page's strings, relative to `base` */
  ends: Float64Array;
  data: Buffer;
}

export class SharedStringTable {
  private readonly dataFd: number;
  private readonly indexFd: number;
  private readonly write = Buffer.allocUnsafe(WRITE_BYTES);
  private writeLen = 0;
  private readonly ends = new Float64Array(INDEX_ENTRIES);
  private endsLen = 0;
  /** strings added */
  private n = 0;
  /** bytes of string data added */
  private offset = 0;
  private dataWritten = 0;
  private indexWritten = 0;
  private readonly pages = new Map<number, Page>();
  private cached = 0;
  private lastKey = -1;
  private lastPage?: Page;
  private closed = false;

  /** Creates the table's two files in `dir` (a temporary directory of the import, removed with it). */
  constructor(dir: string) {
    this.dataFd = openSync(path.join(dir, 'shared-strings.dat'), 'w+');
    this.indexFd = openSync(path.join(dir, 'shared-strings.idx'), 'w+');
  }

  get size(): number {
    return this.n;
  }

  /** Bytes of string data the page cache holds now. */
  get cachedBytes(): number {
    return this.cached;
  }

  add(text: string): void {
    const len = Buffer.byteLength(text);
    if (this.writeLen + len > WRITE_BYTES) this.flushData();
    if (len > WRITE_BYTES) {
      const b = Buffer.from(text);
      writeSync(this.dataFd, b, 0, b.length, this.dataWritten);
      this.dataWritten += b.length;
    } else {
      this.writeLen += this.write.write(text, this.writeLen);
    }
    this.offset += len;
    this.ends[this.endsLen++] = this.offset;
    this.n++;
    if (this.endsLen === INDEX_ENTRIES) this.flushIndex();
  }

  /** The string at `index`, or undefined past the end of the table. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.n)) return undefined;
    this.flush();
    const p = Math.floor(index / PAGE);
    let page = p === this.lastKey ? this.lastPage : this.pages.get(p);
    if (page === this.lastPage && page) {
      // the page of the last lookup (a sheet read in order): already the most recently used
    } else if (page) {
      // most recently used last: the Map's order is the eviction order
      this.pages.delete(p);
      this.pages.set(p, page);
    } else {
      page = this.load(p);
    }
    this.lastKey = p;
    this.lastPage = page;
    const k = index - p * PAGE;
    const start = k === 0 ? 0 : page.ends[k - 1];
    return page.data.toString('utf8', start, page.ends[k]);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pages.clear();
    this.lastPage = undefined;
    closeSync(this.dataFd);
    closeSync(this.indexFd);
  }

  private load(p: number): Page {
    const first = p * PAGE;
    const count = Math.min(PAGE, this.n - first);
    // the end offset of the string before the page, then the page's own
    const from = first === 0 ? 0 : 1;
    const offsets = new Float64Array(count + from);
    readSync(this.indexFd, Buffer.from(offsets.buffer), 0, offsets.byteLength, (first - from) * 8);
    const base = from ? offsets[0] : 0;
    const ends = new Float64Array(count);
    for (let i = 0; i < count; i++) ends[i] = offsets[i + from] - base;
    const data = Buffer.allocUnsafe(count ? ends[count - 1] : 0);
    if (data.length) readSync(this.dataFd, data, 0, data.length, base);
    const page = { base, ends, data };
    this.pages.set(p, page);
    this.cached += data.length;
    for (const [key, old] of this.pages) {
      if (this.cached <= CACHE_BYTES || key === p) break;
      this.pages.delete(key);
      this.cached -= old.data.length;
      if (key === this.lastKey) this.lastKey = -1;
    }
    return page;
  }

  private flush(): void {
    if (this.writeLen) this.flushData();
    if (this.endsLen) this.flushIndex();
  }

  private flushData(): void {
    if (!this.writeLen) return;
    writeSync(this.dataFd, this.write, 0, this.writeLen, this.dataWritten);
    this.dataWritten += this.writeLen;
    this.writeLen = 0;
  }

  private flushIndex(): void {
    const bytes = Buffer.from(this.ends.buffer, 0, this.endsLen * 8);
    writeSync(this.indexFd, bytes, 0, bytes.length, this.indexWritten);
    this.indexWritten += bytes.length;
    this.endsLen = 0;
  }
}
