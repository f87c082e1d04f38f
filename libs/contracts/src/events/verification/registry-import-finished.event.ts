import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

/**
 * How an import ended. AWAITING_CONFIRMATION is told when an import stops short of becoming
 * current (its accepted rows fell by more than the agency's share); a second event follows with
 * the verifier's decision: COMPLETED (confirmed) or DISCARDED.
 */
export const REGISTRY_IMPORT_OUTCOMES = ['COMPLETED', 'FAILED', 'AWAITING_CONFIRMATION', 'DISCARDED'] as const;
export const REGISTRY_IMPORT_CONFIRMATIONS = ['REQUIRED', 'CONFIRMED', 'DISCARDED'] as const;

/**
 * `sigap.verification.registry.import.finished.v1` (extends CONTRACT.md): a registry import
 * ended, whether a verifier uploaded the file or a department system announced it
 * (`sourceEventId`). `ext` may subscribe: the department learns the outcome without a login.
 * Row errors are not carried (there may be a million); staff read them through the API.
 */
export class RegistryImportFinishedEvent extends EventEnvelope {
  @IsUUID() importId!: string;
  /** the announcing `…registry.snapshot.published.v1`, when there was one */
  @IsOptional() @IsUUID() sourceEventId?: string | null;
  @IsString() agencyCode!: string;
  @IsIn(REGISTRY_IMPORT_OUTCOMES) status!: (typeof REGISTRY_IMPORT_OUTCOMES)[number];
  @IsInt() @Min(0) rowsRead!: number;
  @IsInt() @Min(0) rowsAccepted!: number;
  @IsInt() @Min(0) rowsRejected!: number;
  /** the snapshot that became current (COMPLETED), or that waits for confirmation (AWAITING_CONFIRMATION) */
  @IsOptional() @IsUUID() snapshotId?: string | null;
  /** why it failed (FAILED) */
  @IsOptional() @IsString() failure?: string | null;
  /** for an import held for confirmation: REQUIRED while it waits, then CONFIRMED or DISCARDED (no names: outside systems read this) */
  @IsOptional() @IsIn(REGISTRY_IMPORT_CONFIRMATIONS) confirmation?: (typeof REGISTRY_IMPORT_CONFIRMATIONS)[number] | null;
  /** the current snapshot's rows the import was measured against, when it was held */
  @IsOptional() @IsInt() @Min(0) previousRows?: number | null;
  /** the agency's share (percent) it fell by more than, when it was held */
  @IsOptional() @IsNumber() @Min(0) @Max(100) maxDropPercent?: number | null;
}
