import { Injectable } from '@nestjs/common';
import {
  INBOUND_SUBJECTS,
  OUTSIDE_SYSTEMS_BUCKET,
  contractSubject,
  isInboundSubject,
  publisherOf,
  speaksFor,
  type FieldError,
  type OutsideSystem,
} from '#contracts';
import { NatsService } from './nats.service.js';

/** Who published an inbound event, as the server routed it: handlers get it as `ctx.source`. */
export interface EventSource {
  /** the outside system (its NATS account) that published the event */
  system: string;
  /** the agencies it speaks for (`*`: every agency) */
  agencies: string[];
}

/** Declarations by system name; `null`: not declared (never was, or removed). */
export type Declarations = Map<string, OutsideSystem | null>;

/**
 * Checks the publisher of a message against its declaration: an inbound event
 * (`sigap.from.<system>.…`) must come from a declared system, on a subject it may publish, for
 * an agency it speaks for (the payload's field the contract names: `agencyCode` or
 * `regencyCode`). Other subjects are Sigap's own and pass with no source.
 */
export function checkPublisher(
  subject: string,
  payload: Record<string, unknown>,
  declarations: Declarations,
): { source?: EventSource; errors?: FieldError[] } {
  if (!isInboundSubject(subject)) return {};
  const system = publisherOf(subject) ?? '';
  const contract = contractSubject(subject);
  const field = INBOUND_SUBJECTS[contract]?.agencyField ?? null;
  const decl = declarations.get(system) ?? null;
  if (!decl)
    return {
      errors: [{ path: field ?? '', message: `${system} is not a declared outside system (or was removed): it speaks for no agency` }],
    };
  if (!decl.publishes.includes(contract)) return { errors: [{ path: '', message: `${system} may not publish ${contract}` }] };
  if (field) {
    const agency = payload[field];
    if (typeof agency === 'string' && !speaksFor(decl, agency)) {
      return {
        errors: [{ path: field, message: `${system} does not speak for agency ${agency} (it speaks for ${decl.agencies.join(', ')})` }],
      };
    }
  }
  return { source: { system, agencies: [...decl.agencies] } };
}

/**
 * The declarations of outside systems, read from the Key-Value bucket the systems command and
 * provisioning write (`sigap_outside_systems`), by direct get of each key: one small request
 * per publisher of a batch, so a removed system is refused from the next batch on.
 */
@Injectable()
export class OutsideSystemsDirectory {
  private readonly stream = `KV_${OUTSIDE_SYSTEMS_BUCKET}`;

  constructor(private readonly nats: NatsService) {}

  /** The declarations of the publishers of these subjects (none for Sigap's own subjects). */
  async forSubjects(subjects: Iterable<string>): Promise<Declarations> {
    const names = new Set<string>();
    for (const s of subjects) {
      const p = publisherOf(s);
      if (p) names.add(p);
    }
    const out: Declarations = new Map();
    await Promise.all([...names].map(async (name) => out.set(name, await this.get(name))));
    return out;
  }

  private async get(name: string): Promise<OutsideSystem | null> {
    // a name that is not a plain token could widen the subject: it is no declared system either
    if (!/^[a-z0-9-]+$/.test(name)) return null;
    const m = await this.nats.jsm.direct.getMessage(this.stream, { last_by_subj: `$KV.${OUTSIDE_SYSTEMS_BUCKET}.${name}` });
    if (!m) return null;
    const op = m.header.get('KV-Operation');
    if (op === 'DEL' || op === 'PURGE' || !m.data.length) return null;
    return m.json<OutsideSystem>();
  }
}
