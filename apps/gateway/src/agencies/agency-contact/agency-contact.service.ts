import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, AgencyContactView, PublicAgencyContact } from '#contracts';
import { AuditService } from '../../audit/audit.service.js';
import { AgencyContactEntity } from './agency-contact.entity.js';
import type { AgencyContactRequest } from './agency-contact.request.dto.js';

export type { AgencyContactView, PublicAgencyContact };

/** Agencies' contact data: kept by the gateway (agencies are the gateway's data), each change audited in its transaction. */
@Injectable()
export class AgencyContactService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(agencyCode: string): Promise<AgencyContactView | null> {
    const row = await this.ds.getRepository(AgencyContactEntity).findOneBy({ agencyCode });
    return row ? view(row) : null;
  }

  async forPublic(agencyCode: string): Promise<PublicAgencyContact | null> {
    const c = await this.get(agencyCode);
    return c && { agencyCode: c.agencyCode, address: c.address, phone: c.phone, email: c.email, officeHours: c.officeHours };
  }

  async set(actor: Actor, agencyCode: string, req: AgencyContactRequest, ip: string): Promise<AgencyContactView> {
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(AgencyContactEntity);
      const before = await repo.findOne({ where: { agencyCode }, lock: { mode: 'pessimistic_write' } });
      const row: AgencyContactEntity = {
        agencyCode,
        address: req.address.trim(),
        phone: req.phone.trim(),
        email: req.email?.trim() || null,
        officeHours: req.officeHours.trim(),
        updatedBy: actor.username,
        updatedAt: new Date(),
      };
      await repo.save(row);
      const fields = (c: AgencyContactEntity | null) =>
        c && { address: c.address, phone: c.phone, email: c.email, officeHours: c.officeHours };
      await this.audit.record(
        {
          actor,
          action: 'AGENCY_CONTACT_UPDATED',
          targetType: 'AGENCY',
          targetId: agencyCode,
          targetLabel: agencyCode,
          agencyCode,
          ip,
          before: fields(before),
          after: fields(row),
        },
        m,
      );
      return view(row);
    });
  }
}

function view(r: AgencyContactEntity): AgencyContactView {
  return {
    agencyCode: r.agencyCode,
    address: r.address,
    phone: r.phone,
    email: r.email,
    officeHours: r.officeHours,
    updatedBy: r.updatedBy,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
