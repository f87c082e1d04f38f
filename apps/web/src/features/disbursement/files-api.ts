// A decree's documents and bank files, the bank answer's import and the realisation report
// through the gateway (apps/gateway/src/disbursement/documents; README "Documents and bank files
// over HTTP"). Files come as blobs with the name the gateway gives; the JSON views are the
// contract's (libs/contracts/src/disbursement/documents.ts).
import type { BankAnswerImportView, DecreeDocumentFormat, NikDisplay, RealisationView } from '@contracts';
import { api, seg } from '../../shared/api/client';
import { fetchFile, type DownloadedFile } from '../../shared/api/download';
import { uploadFile, type Upload } from '../../shared/api/upload';

/** The largest bank answer the gateway takes (libs/contracts BANK_ANSWER_MAX_BYTES; the dashboard takes only types from there). */
export const BANK_ANSWER_MAX_BYTES = 10 * 1024 * 1024;

/** A bank file with what the treasurer checks against the decree (`X-Sigap-Count`, `X-Sigap-Total`). */
export interface BankFile extends DownloadedFile {
  count: number | null;
  /** whole Rupiah, decimal string */
  total: string | null;
}

function bankFile(f: DownloadedFile): BankFile {
  const count = f.headers.get('X-Sigap-Count');
  const total = f.headers.get('X-Sigap-Total');
  return { ...f, count: count && /^\d+$/.test(count) ? Number(count) : null, total: total && /^\d+$/.test(total) ? total : null };
}

export const filesApi = {
  /** the decree and its attachment; `nik=full` only for HEAD, FINANCE, ADMIN of the decree's agency */
  decreeDocument: (id: string, format: DecreeDocumentFormat, nik: NikDisplay) =>
    fetchFile(seg`/disbursement/decrees/${id}/document`, { format, nik }, `SK.${format}`),
  accountOpening: (id: string, format: 'csv' | 'xlsx') =>
    fetchFile(seg`/disbursement/decrees/${id}/account-opening`, { format }, `pembukaan-rekening.${format}`).then(bankFile),
  paymentFile: (id: string) => fetchFile(seg`/disbursement/decrees/${id}/payment-file`, {}, 'berkas-pembayaran.csv').then(bankFile),
  importBankAnswer: (id: string, file: File, onProgress: (fraction: number) => void): Upload<BankAnswerImportView> =>
    uploadFile<BankAnswerImportView>(seg`/disbursement/decrees/${id}/bank-accounts`, {}, file, onProgress),
  realisation: (q: { fiscalYear: number; agencyCode?: string }, signal?: AbortSignal) =>
    api.get<RealisationView>('/disbursement/realisation', { ...q, format: 'json' }, signal),
  realisationXlsx: (q: { fiscalYear: number; agencyCode?: string }) =>
    fetchFile('/disbursement/realisation', { ...q, format: 'xlsx' }, `realisasi-${q.fiscalYear}.xlsx`),
};
