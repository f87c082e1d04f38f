import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, REGISTRY_READER_ROLES, type Actor, type RegistryHouseholdView, type RegistryPersonView } from '#contracts';
import { visibleAgencies } from '#domain';
import { requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { RegistryDb } from '../registry-db.js';
import { PERSON_COLUMNS, personView, type PersonRow } from '../registry-persons.js';

const DIGITS16 = /^\d{16}$/;

/**
 * A person by NIK and a household by KK in the current snapshots of the agencies the caller
 * covers, for the roles of REGISTRY_READER_ROLES (the gateway checks them too, and writes each
 * lookup to the audit trail). Served by the unique (snapshot, nik) and the (snapshot, kk) index
 * of each snapshot.
 */
@Controller()
export class RegistryLookupMessageController {
  constructor(private readonly db: RegistryDb) {}

  @MessagePattern(Rpc.verification.getPerson)
  async person(@Payload() body: { actor: Actor; nik: string }): Promise<RegistryPersonView> {
    requireRole(body.actor, ...REGISTRY_READER_ROLES);
    if (!DIGITS16.test(body.nik ?? '')) throw new VerificationError(VerificationErrorCode.PersonNotFound, 'nik must be 16 digits');
    const { rows } = await this.db.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS}, s.agency_code, s.created_at AS snapshot_created_at
         FROM registry_snapshots s JOIN registry_persons p ON p.snapshot_id = s.id
        WHERE s.is_current AND s.agency_code = ANY($1) AND p.nik = $2
        ORDER BY s.created_at DESC LIMIT 1`,
      [visibleAgencies(body.actor), body.nik],
    );
    if (!rows[0]) throw new VerificationError(VerificationErrorCode.PersonNotFound, 'No person with this NIK in the current registry (DTSEN, dahulu DTKS) of your area');
    return personView(rows[0]);
  }

  @MessagePattern(Rpc.verification.getHousehold)
  async household(@Payload() body: { actor: Actor; kk: string }): Promise<RegistryHouseholdView> {
    requireRole(body.actor, ...REGISTRY_READER_ROLES);
    if (!DIGITS16.test(body.kk ?? '')) throw new VerificationError(VerificationErrorCode.HouseholdNotFound, 'kk must be 16 digits');
    const { rows } = await this.db.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS}, s.agency_code, s.created_at AS snapshot_created_at
         FROM registry_snapshots s JOIN registry_persons p ON p.snapshot_id = s.id
        WHERE s.is_current AND s.agency_code = ANY($1) AND p.kk = $2
        ORDER BY p.birth_date, p.nik LIMIT 100`,
      [visibleAgencies(body.actor), body.kk],
    );
    if (!rows.length) throw new VerificationError(VerificationErrorCode.HouseholdNotFound, 'No household with this KK number in the current registry (DTSEN, dahulu DTKS) of your area');
    return { kkNumber: body.kk, members: rows.map(personView) };
  }
}
