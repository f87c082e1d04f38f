import { Injectable } from '@nestjs/common';
import { Rpc, type Actor, type DiffChange, type RegistryHouseholdView, type RegistryPersonView, type SnapshotDiffView } from '#contracts';
import { maskNik } from '#domain';
import { ServiceClient } from '#messaging';
import { DomainError } from '#platform';
import { AuditService, type AuditRecord } from '../../audit/audit.service.js';

/** What an audit entry of a read says beyond who, when and from where. */
type ReadEntry = Omit<AuditRecord, 'actor' | 'ip'>;

export interface DiffPageRequest {
  snapshotId: string;
  against?: string;
  change?: DiffChange;
  limit?: number;
  offset?: number;
}

/**
 * Reads of personal data in the registry (DTSEN, dahulu DTKS), each written to the audit trail
 * (UU PDP 27/2022): who looked up which NIK or KK number (masked to its last 4 digits) and what
 * came of it, who read which page of which snapshot diff. A lookup that found nobody is recorded
 * too: it still tells the reader that the person is not in the registry. The entry is written
 * before the answer leaves, so an answer whose audit entry could not be written is never sent.
 */
@Injectable()
export class RegistryReads {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  person(actor: Actor, ip: string, nik: string): Promise<RegistryPersonView> {
    return this.audited(
      actor,
      ip,
      'FOUND',
      () => this.services.call<RegistryPersonView>(Rpc.verification.getPerson, { actor, nik }),
      (outcome, p) => ({
        action: 'REGISTRY_PERSON_LOOKED_UP',
        targetType: 'REGISTRY_PERSON',
        targetId: maskNik(nik),
        targetLabel: maskNik(nik),
        agencyCode: p?.snapshot.agencyCode ?? actor.agencyCode,
        after: { nik: maskNik(nik), outcome, snapshotId: p?.snapshot.snapshotId ?? null },
      }),
    );
  }

  household(actor: Actor, ip: string, kk: string): Promise<RegistryHouseholdView> {
    return this.audited(
      actor,
      ip,
      'FOUND',
      () => this.services.call<RegistryHouseholdView>(Rpc.verification.getHousehold, { actor, kk }),
      (outcome, h) => ({
        action: 'REGISTRY_HOUSEHOLD_LOOKED_UP',
        targetType: 'REGISTRY_HOUSEHOLD',
        targetId: maskNik(kk),
        targetLabel: maskNik(kk),
        agencyCode: h?.members[0]?.snapshot.agencyCode ?? actor.agencyCode,
        after: {
          kkNumber: maskNik(kk),
          outcome,
          members: h?.members.length ?? 0,
          snapshotIds: [...new Set(h?.members.map((m) => m.snapshot.snapshotId) ?? [])],
        },
      }),
    );
  }

  diff(actor: Actor, ip: string, q: DiffPageRequest): Promise<SnapshotDiffView> {
    // the first request of a diff computes it (a full join of two snapshots): give it time
    const read = () => this.services.call<SnapshotDiffView>(Rpc.verification.diffSnapshots, { actor, ...q }, { timeoutMs: 60_000 });
    return this.audited(actor, ip, 'SHOWN', read, (outcome, d) => ({
      action: 'REGISTRY_DIFF_VIEWED',
      targetType: 'REGISTRY_SNAPSHOT',
      targetId: q.snapshotId,
      targetLabel: d ? `${d.snapshotId} ↔ ${d.againstSnapshotId}` : q.snapshotId,
      agencyCode: d?.agencyCode ?? actor.agencyCode,
      after: {
        outcome,
        snapshotId: q.snapshotId,
        againstSnapshotId: d?.againstSnapshotId ?? q.against ?? null,
        change: q.change ?? null,
        limit: d?.limit ?? q.limit ?? null,
        offset: d?.offset ?? q.offset ?? 0,
        items: d?.items.length ?? 0,
      },
    }));
  }

  /** Runs a read and records it: `answered` when it answered, else the error's code. */
  private async audited<T>(
    actor: Actor,
    ip: string,
    answered: string,
    read: () => Promise<T>,
    entry: (outcome: string, value?: T) => ReadEntry,
  ): Promise<T> {
    let value: T;
    try {
      value = await read();
    } catch (e) {
      await this.audit.record({ ...entry(e instanceof DomainError ? e.code : 'FAILED'), actor, ip });
      throw e;
    }
    await this.audit.record({ ...entry(answered, value), actor, ip });
    return value;
  }
}
