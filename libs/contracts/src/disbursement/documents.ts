/**
 * Disbursement's documents behind HTTP (issue 12): the decree as PDF/XLSX, the bank's
 * account-opening file, the import of the bank's answer, the payment file and the realisation
 * report. A file never travels in a request-reply (NATS' max_payload caps a message at 1 MiB and
 * a 20,000-recipient decree's PDF is 2.5 MB): disbursement writes it into the Object Store bucket
 * `DISBURSEMENT_FILES_BUCKET` and answers a `StoredFileView`; the gateway streams the object out
 * and deletes it. An uploaded bank answer goes the other way, put by the gateway.
 */

/** The Object Store bucket of disbursement's files in transit (topology.ts, OBJECT_BUCKETS). */
export const DISBURSEMENT_FILES_BUCKET = 'sigap_disbursement_files';

/** The largest bank answer the gateway accepts (the documents' reader refuses larger too). */
export const BANK_ANSWER_MAX_BYTES = 10 * 1024 * 1024;

export const DECREE_DOCUMENT_FORMATS = ['pdf', 'xlsx'] as const;
export type DecreeDocumentFormat = (typeof DECREE_DOCUMENT_FORMATS)[number];
export const NIK_DISPLAYS = ['full', 'masked'] as const;
export type NikDisplay = (typeof NIK_DISPLAYS)[number];

/**
 * Roles that may download a decree or its files with full NIKs: the head who signs it, the
 * treasurer (bendahara) who takes the lists to the bank, and the agency's admin. Everyone else
 * who reads decrees gets the masked copy (`nik=masked`) only.
 */
export const FULL_NIK_ROLES = ['HEAD', 'FINANCE', 'ADMIN'] as const;

/** A file disbursement wrote into `DISBURSEMENT_FILES_BUCKET`, ready for the gateway to stream out. */
export interface StoredFileView {
  /** the object's name in the bucket */
  objectName: string;
  /** the name the download offers ("SK-188.45-12-2026.pdf") */
  fileName: string;
  contentType: string;
  /** bytes */
  size: number;
  /** the decree's agency, for the audit trail */
  agencyCode: string;
  /** what the file is about, for the audit trail (the decree's number) */
  label: string;
  /** the count of lines (recipients) the file holds */
  count: number;
  /** whole Rupiah, decimal string: the file's total, where it has one */
  total: string | null;
}

/** One bad row of the bank's answer: the row as the file numbers it, the column as written, a code and the reason in Bahasa Indonesia. */
export interface BankAnswerErrorView {
  row: number;
  column: string;
  code: string;
  reason: string;
}

/** `POST /api/v1/disbursement/decrees/{id}/bank-accounts`: what the bank's answer did. */
export interface BankAnswerImportView {
  decreeId: string;
  decreeNumber: string;
  agencyCode: string;
  fileName: string;
  /** the file's SHA-256 (hex): the same file imported again records nothing new */
  sha256: string;
  /** rows with an account number that were read (good rows), with how many of them changed a decree line */
  accounts: number;
  /** good rows whose account was now recorded on its decree line (new or different) */
  recorded: number;
  /** good rows whose decree line already had that account (a re-import), or a line already requested or paid (not changed) */
  unchanged: number;
  /** good rows not recorded because the line is already requested or paid: the account in flight is kept */
  locked: number;
  /** rows where the bank says it opened no account, with its reason */
  refused: Array<{ row: number; reference: string; reason: string }>;
  errors: BankAnswerErrorView[];
  /** references sent to the bank without an account or a refusal in this answer */
  missing: string[];
  rows: number;
}

/** One row of the realisation report: a budget line × programme × area × month of the decree. */
export interface RealisationRowView {
  agencyCode: string;
  budgetLineId: string;
  /** the line's name */
  budgetLine: string;
  source: string;
  /** the service standard's code */
  programme: string;
  /** the recipients' village code (Kemendagri, dotted), or "" when unknown */
  areaCode: string;
  areaName: string | null;
  /** YYYY-MM of the decree: the month the money was decreed */
  month: string;
  /** whole Rupiah, decimal strings */
  committed: string;
  paid: string;
  returned: string;
  /** committed − paid − returned: decreed but neither paid nor given up yet */
  remaining: string;
}

/** `GET /api/v1/disbursement/realisation?fiscalYear=…&format=json`. */
export interface RealisationView {
  fiscalYear: number;
  /** the agency asked for (a province's rows include its regencies'), or null for every agency the caller sees */
  agencyCode: string | null;
  /** the agencies whose rows are included */
  agencies: string[];
  rows: RealisationRowView[];
  /** per agency, and all of them: the same four figures */
  byAgency: Array<{ agencyCode: string; committed: string; paid: string; returned: string; remaining: string }>;
  total: { committed: string; paid: string; returned: string; remaining: string };
}
