import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { REGISTRY_FILE_FORMATS, type RegistryFileFormat } from '../../verification/registry.js';

/**
 * The NATS Object Store bucket of `ext` (the development outside system) for registry exports it
 * announces with `sigap.ext.registry.snapshot.published.v1`: a file of a million rows does not
 * fit in a message, and an object is streamed in chunks of 128 KiB. Every other outside system
 * has a bucket of its own (dropBucketOf in outside-systems.ts), which only it and verification
 * reach. Verification deletes an object once it is imported; the bucket's TTL removes what is
 * never announced.
 */
export const REGISTRY_DROP_BUCKET = 'sigap_registry_drops';

/** A SHA-256 digest in the Object Store's own form (its `info.digest`), padding optional. */
export const OBJECT_DIGEST = /^SHA-256=[A-Za-z0-9_-]{43}=?$/;

/** Object names: what the Object Store accepts and nothing a path could abuse. */
const OBJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * `sigap.ext.registry.snapshot.published.v1` (extends CONTRACT.md): a department system (the
 * Kemensos data centre's DTSEN distribution, a regency's SIKS-NG export job) announces a new
 * snapshot of the registry for an agency's area. The file itself, in the format of CONTRACT.md
 * ("The registry file"), is already in the publisher's own drop bucket (`sigap_registry_drops`
 * for `ext`, `sigap_drops_<system>` for the others) under `objectName`, and `digest` is its
 * SHA-256. Verification imports it exactly as if a verifier had uploaded it, only if its bytes
 * have that digest, and answers with `sigap.verification.registry.import.finished.v1`
 * carrying this event's id.
 */
export class RegistrySnapshotPublishedEvent extends EventEnvelope {
  /** the publishing system, e.g. `pusdatin-kemensos` */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  source!: string;

  /** the agency whose area the file covers: a province (`61`) or a regency/city (`61.71`) */
  @Matches(/^\d{2}(\.\d{2})?$/, { message: 'agencyCode must be an agency code like 61 or 61.71' })
  agencyCode!: string;

  @Matches(OBJECT_NAME, { message: 'objectName must be the name of an object in your drop bucket (letters, digits, . _ -; at most 200)' })
  objectName!: string;

  /** the file's SHA-256 as `SHA-256=<base64url>`: the `digest` the Object Store reports for the put object */
  @Matches(OBJECT_DIGEST, {
    message: 'digest must be the file’s SHA-256 as SHA-256=<base64url> (the Object Store’s info.digest of the object)',
  })
  digest!: string;

  @IsIn(REGISTRY_FILE_FORMATS, { message: `format must be one of ${REGISTRY_FILE_FORMATS.join(', ')}` })
  format!: RegistryFileFormat;

  /** the department's own name of the snapshot, e.g. `DTSEN 2026-11` (shown with the import) */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string | null;
}
