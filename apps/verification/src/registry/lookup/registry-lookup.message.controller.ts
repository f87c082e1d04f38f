import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, REGISTRY_READER_ROLES, type Actor, type RegistryHouseholdView, type RegistryPersonView } from '#contracts';
import { visibleAgencies } from '#domain';
import { requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { personView } from '../registry-persons.js';
import { RegistryRepository } from '../registry.repository.js';

const DIGITS16 = /^\d{16}$/;

/**
 * A person by NIK and a household by KK in the current snapshots of the agencies the caller
 * covers, for the roles of REGISTRY_READER_ROLES (the gateway checks them too, and writes each
 * lookup to the audit trail). Served by the unique (snapshot, nik) and the (snapshot, kk) index
 * of each snapshot.
 */
@Controller()
export class RegistryLookupMessageController {
  constructor(private readonly registry: RegistryRepository) {}

  @MessagePattern(Rpc.verification.getPerson)
  async person(@Payload() body: { actor: Actor; nik: string }): Promise<RegistryPersonView> {
    requireRole(body.actor, ...REGISTRY_READER_ROLES);
    if (!DIGITS16.test(body.nik ?? '')) throw new VerificationError(VerificationErrorCode.PersonNotFound, 'nik must be 16 digits');
    const person = await this.registry.person(visibleAgencies(body.actor), body.nik);
    if (!person)
      throw new VerificationError(
        VerificationErrorCode.PersonNotFound,
        'No person with this NIK in the current registry (DTSEN, dahulu DTKS) of your area',
      );
    return personView(person);
  }

  @MessagePattern(Rpc.verification.getHousehold)
  async household(@Payload() body: { actor: Actor; kk: string }): Promise<RegistryHouseholdView> {
    requireRole(body.actor, ...REGISTRY_READER_ROLES);
    if (!DIGITS16.test(body.kk ?? '')) throw new VerificationError(VerificationErrorCode.HouseholdNotFound, 'kk must be 16 digits');
    const rows = await this.registry.household(visibleAgencies(body.actor), body.kk);
    if (!rows.length)
      throw new VerificationError(
        VerificationErrorCode.HouseholdNotFound,
        'No household with this KK number in the current registry (DTSEN, dahulu DTKS) of your area',
      );
    return { kkNumber: body.kk, members: rows.map(personView) };
  }
}
