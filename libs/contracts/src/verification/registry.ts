/**
 * The social registry (DTSEN, formerly DTKS; "the registry" in code): request-reply subjects
 * between the gateway and verification, the file format of CONTRACT.md ("The registry file"),
 * and the shapes the gateway answers over HTTP.
 */
import { IsNumber, Matches, Max, Min } from 'class-validator';

/** What users read: the registry's name since 2025, with the one the seeds use. */
export const REGISTRY_LABEL = 'DTSEN (dahulu DTKS)';

/**
 * Who may read persons and households of the registry and the diffs between snapshots (UU PDP
 * 27/2022: personal data only to those whose task needs it). Front office, finance, warehouse and
 * complaint officers may not; every such read is in the audit trail.
 */
export const REGISTRY_READER_ROLES = ['VERIFIER', 'HEAD', 'ADMIN'] as const;

/**
 * NATS Object Store bucket the gateway streams uploaded registry files into and verification
 * streams them back from (services share nothing but NATS). Objects are deleted once imported;
 * the bucket's TTL removes what a failure leaves behind.
 */
export const REGISTRY_UPLOAD_BUCKET = 'sigap_registry_uploads';

/** Columns of the registry file; names case-insensitive, in any order. */
export const REGISTRY_COLUMNS = [
  'nik',
  'no_kk',
  'nama',
  'tanggal_lahir',
  'jenis_kelamin',
  'alamat',
  'kode_desa',
  'desil',
  'program',
] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];
/** A file without one of these is refused whole; `desil` and `program` may be absent (as if empty). */
export const REQUIRED_REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  'nik',
  'no_kk',
  'nama',
  'tanggal_lahir',
  'jenis_kelamin',
  'alamat',
  'kode_desa',
];

export const REGISTRY_FILE_FORMATS = ['CSV', 'XLSX'] as const;
export type RegistryFileFormat = (typeof REGISTRY_FILE_FORMATS)[number];

/**
 * CONTRACT.md's statuses, and two of Sigap's: AWAITING_CONFIRMATION (its accepted rows fell by
 * more than the agency's share from the current snapshot: loaded, not current, until a verifier
 * confirms it, which makes it COMPLETED, or discards it, DISCARDED).
 */
export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'AWAITING_CONFIRMATION', 'COMPLETED', 'FAILED', 'DISCARDED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One rejected row of a registry file: its row number as a spreadsheet shows it (the header is row 1), the column, why. */
export interface RegistryRowError {
  row: number;
  field: string;
  message: string;
}

/** `GET /api/v1/registry/imports/{importId}`. */
export interface RegistryImportView {
  importId: string;
  agencyCode: string;
  fileName: string | null;
  format: RegistryFileFormat;
  status: ImportStatus;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  snapshotId: string | null;
  /** why a FAILED import failed */
  failure: string | null;
  /** attempts so far (an import interrupted by a restart starts over, up to 3 times) */
  attempts: number;
  createdBy: string;
  createdAt: string;
  /** the `…registry.snapshot.published.v1` that announced the file (a department system's), if it came so */
  sourceEventId: string | null;
  /** the announcing department's name of the snapshot, e.g. `DTSEN 2026-11` */
  label: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /**
   * Set when the import was held for confirmation (AWAITING_CONFIRMATION, and after the
   * decision): the current snapshot it was measured against, its rows, and the agency's share.
   */
  confirmation: RegistryImportConfirmation | null;
  /** the first rejected rows (`errorsLimit`); all of them through `…/errors?limit&offset` */
  errors: RegistryRowError[];
  errorsTotal: number;
}

/** Why an import waits (or waited) for a verifier, and what was decided. */
export interface RegistryImportConfirmation {
  previousSnapshotId: string;
  previousRows: number;
  /** how far the accepted rows fall below previousRows, in percent */
  dropPercent: number;
  /** the agency's share at the time (`GET /api/v1/registry/settings/{agencyCode}`) */
  maxDropPercent: number;
  decision: 'PENDING' | 'CONFIRMED' | 'DISCARDED';
  decidedBy: string | null;
  decidedAt: string | null;
}

/** `GET|PUT /api/v1/registry/settings/{agencyCode}`: an agency's registry settings. */
export interface RegistrySettingsView {
  agencyCode: string;
  /** an import whose accepted rows fall by more than this share (percent) from the current snapshot waits for confirmation */
  maxDropPercent: number;
  /** true while the agency has not set it (the installation's default, 20) */
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The default share (percent) by which an import's accepted rows may fall before it waits for a verifier. */
export const DEFAULT_MAX_DROP_PERCENT = 20;

/** `PUT /api/v1/registry/settings/{agencyCode}`. */
export class RegistrySettingsUpdate {
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: 'maxDropPercent must be a number (at most 2 decimals)' },
  )
  @Min(0, { message: 'maxDropPercent must be from 0 to 100' })
  @Max(100, { message: 'maxDropPercent must be from 0 to 100' })
  maxDropPercent!: number;
}

export interface RegistryImportErrorsPage {
  items: RegistryRowError[];
  total: number;
  limit: number;
  offset: number;
}

/** `GET /api/v1/registry/snapshots?agencyCode`. */
export interface RegistrySnapshotView {
  snapshotId: string;
  agencyCode: string;
  source: 'IMPORT' | 'EVENT';
  importId: string | null;
  /** AWAITING_CONFIRMATION: loaded and comparable, not current until its import is confirmed */
  status: 'LOADING' | 'AWAITING_CONFIRMATION' | 'COMPLETE' | 'FAILED' | 'DISCARDED';
  current: boolean;
  rows: number;
  createdAt: string;
  completedAt: string | null;
  /** the snapshot it replaced as current */
  previousSnapshotId: string | null;
}

/** A person of the registry, as a snapshot holds them (`GET /api/v1/registry/persons/{nik}`). */
export interface RegistryPersonView {
  nik: string;
  kkNumber: string;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  address: string;
  villageCode: string;
  /** desil 1–10, null when the export left it empty */
  decile: number | null;
  programs: string[];
  snapshot: { snapshotId: string; agencyCode: string; createdAt: string; row: number };
}

export interface RegistryHouseholdView {
  kkNumber: string;
  members: RegistryPersonView[];
}

export type DiffChange = 'ADDED' | 'REMOVED' | 'CHANGED';

/** One person of a snapshot diff. */
export interface SnapshotDiffItem {
  nik: string;
  change: DiffChange;
  name: string;
  /** for CHANGED: the fields that differ, with both values */
  fields: Array<{ field: string; before: unknown; after: unknown }>;
}

/** `GET /api/v1/registry/snapshots/{id}/diff?against=`. */
export interface SnapshotDiffView {
  snapshotId: string;
  /** the agency whose registry it is */
  agencyCode: string;
  againstSnapshotId: string;
  counts: { added: number; removed: number; changed: number };
  items: SnapshotDiffItem[];
  total: number;
  limit: number;
  offset: number;
}

/** `POST /api/v1/registry/persons/search`: a NIK in the body, never in a URL (which proxies and logs keep). */
export class RegistryPersonSearch {
  @Matches(/^\d{16}$/, { message: 'nik must be 16 digits' })
  nik!: string;
}

/** `POST /api/v1/registry/households/search`: a KK number in the body, never in a URL. */
export class RegistryHouseholdSearch {
  @Matches(/^\d{16}$/, { message: 'kkNumber must be 16 digits' })
  kkNumber!: string;
}

/** The form field next to the file of `POST /api/v1/registry/imports`. */
export class RegistryImportForm {
  @Matches(/^\d{2}(\.\d{2})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode!: string;
}
