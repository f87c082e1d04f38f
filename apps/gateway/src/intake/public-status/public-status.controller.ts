import { Controller, Get, Logger, Param, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type PublicDistributionView, type PublicStatusView } from '#contracts';
import { Public } from '../../common/auth/public.decorator.js';
import { ServiceClient } from '#messaging';
import { ticketParam } from '../../common/http/params.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';
import { AgencyContactService, type PublicAgencyContact } from '../../agencies/agency-contact/agency-contact.service.js';

/** the statuses in which a recipient waits for the distribution its village is scheduled for */
const AWAITING_DISTRIBUTION = new Set(['DECREED', 'DISBURSING']);
/** how long the status page waits for disbursement's schedule before answering without it */
const DISTRIBUTION_TIMEOUT_MS = 2000;

/** The citizen's status page asks here: status, timeline and deadline of a ticket, with no personal data. */
@ApiTags('public')
@Controller('public/status')
export class PublicStatusController {
  private readonly log = new Logger('public-status');

  constructor(
    private readonly services: ServiceClient,
    private readonly contacts: AgencyContactService,
  ) {}

  @Get(':ticketNumber')
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({
    summary: 'Status, timeline and deadline of an application by its ticket number (no personal data; 60 lookups a minute per address)',
  })
  @ApiOkResponse({
    description:
      "PublicStatusView, with `contact`: the agency's address, phone, e-mail and office hours (null until its admin sets them); and `distribution`: " +
      "where and when the recipient's village is scheduled for the handover ({ place, date, startTime, endTime, label: { id, en } }), " +
      'while the application is DECREED or DISBURSING and its village is scheduled, else null',
  })
  async get(
    @Param('ticketNumber', ticketParam()) ticketNumber: string,
  ): Promise<PublicStatusView & { contact: PublicAgencyContact | null; distribution: PublicDistributionView | null }> {
    const view = await this.services.call<PublicStatusView>(Rpc.intake.publicStatus, { actor: null, ticketNumber });
    const [contact, distribution] = await Promise.all([this.contacts.forPublic(view.agency.code), this.distribution(view, ticketNumber)]);
    return { ...view, contact, distribution };
  }

  /**
   * The schedule of the ticket's village, asked of disbursement (which keeps it) only for a
   * recipient still waiting for the handover. Composed here, like the agency's contact, rather than
   * copied into intake by an event: the schedule changes as a whole (a new version replaces it), and
   * one owner answering at read time cannot show a stale copy. It carries the place and the time of
   * the village, nothing of any person. Disbursement not answering costs the line, never the page.
   */
  private async distribution(view: PublicStatusView, ticketNumber: string): Promise<PublicDistributionView | null> {
    if (!AWAITING_DISTRIBUTION.has(view.status)) return null;
    try {
      return await this.services.call<PublicDistributionView | null>(
        Rpc.disbursement.publicDistribution,
        { actor: null, ticketNumber },
        { timeoutMs: DISTRIBUTION_TIMEOUT_MS, quiet: true },
      );
    } catch (e) {
      this.log.warn(`the status page answered without the distribution schedule: ${(e as Error).message}`);
      return null;
    }
  }
}
