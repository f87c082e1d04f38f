// The documents of a 20,000-recipient decree (issue 12, "Measured"): the time to produce the
// decree with its attachment as a PDF (PDFKit) and as an XLSX (exceljs streaming writer), each
// written into a stream that discards the bytes (what is measured is producing them, not the
// disk), with pages, size and the process's peak memory. Needs no running system: the
// documents are pure functions of the decree. Also runs alone: `node dist/bench/disbursement-documents.bench.js`.
import os from 'node:os';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decree } from '../apps/disbursement/src/documents/decree.fixtures.js';
import { writeDecreePdf } from '../apps/disbursement/src/documents/decree-pdf.js';
import { writeDecreeXlsx } from '../apps/disbursement/src/documents/decree-xlsx.js';
import { formatRupiah } from '#domain';
import { fmt } from './stats.js';

const RECIPIENTS = Number(process.env.BENCH_DECREE_RECIPIENTS ?? 20_000);

/** A sink that counts the bytes and drops them. */
function sink(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

/**
 * Runs `fn` while sampling the RSS every 20 ms; returns wall seconds, CPU seconds of this process
 * (the figure that does not depend on what else shares the 2 cores) and the peak RSS in MB.
 */
async function measured<T>(fn: () => Promise<T>): Promise<{ seconds: number; cpuSeconds: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMb: peak / 1024 / 1024, value };
}

export async function run(): Promise<void> {
  const input = decree(RECIPIENTS); // Rp1.500.000 each: Rp30.000.000.000 for 20,000
  // warm-up: module loading, font metrics, JIT
  await writeDecreePdf(decree(200), sink());
  await writeDecreeXlsx(decree(200), sink());
  global.gc?.();
  const baseMb = process.memoryUsage().rss / 1024 / 1024;
  const pdfOut = sink();
  const pdf = await measured(() => writeDecreePdf(input, pdfOut));
  global.gc?.();
  const xlsxOut = sink();
  const xlsx = await measured(() => writeDecreeXlsx(input, xlsxOut));
  console.log(
    `
decree documents: ${fmt(RECIPIENTS)} recipients (total ${formatRupiah(BigInt(RECIPIENTS) * 1_500_000n)}), ` +
      `load average ${os.loadavg()[0].toFixed(1)}
  PDF (PDFKit)                 ${fmt(pdf.seconds, 2)} s (CPU ${fmt(pdf.cpuSeconds, 2)} s)  ${fmt(pdf.value.pages)} pages, ` +
      `${fmt(pdfOut.bytes / 1024 / 1024, 1)} MB, ${fmt(RECIPIENTS / pdf.seconds)} rows/s
  XLSX (exceljs stream)        ${fmt(xlsx.seconds, 2)} s (CPU ${fmt(xlsx.cpuSeconds, 2)} s)  ${fmt(xlsxOut.bytes / 1024 / 1024, 1)} MB, ` +
      `${fmt(RECIPIENTS / xlsx.seconds)} rows/s
  process RSS                  ${fmt(baseMb)} MB before, peak ${fmt(pdf.peakMb)} MB during the PDF, ${fmt(xlsx.peakMb)} MB during the XLSX
`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
