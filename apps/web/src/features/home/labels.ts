import type { LabelMap } from '../../shared/i18n/I18n';

/** The services of topology.ts by their users' names. */
export const SERVICE_LABEL: LabelMap<'gateway' | 'intake' | 'verification' | 'disbursement' | 'logistics' | 'complaints'> = {
  gateway: 'service.gateway',
  intake: 'service.intake',
  verification: 'service.verification',
  disbursement: 'service.disbursement',
  logistics: 'service.logistics',
  complaints: 'service.complaints',
};
