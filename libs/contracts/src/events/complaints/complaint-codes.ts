// The codes of complaints, shared by the inbound complaint and the complaints service's updates.

/** How a complaint reaches the agency. */
export const COMPLAINT_CHANNELS = [
  'FACE_TO_FACE',
  'BOX',
  'LETTER',
  'WHATSAPP',
  'TELEGRAM',
  'PHONE',
  'EMAIL',
  'WEB',
  'SOCIAL_MEDIA',
  'LAPOR',
] as const;
/** What happened to a complaint (`…complaint.updated.v1`). */
export const COMPLAINT_CHANGES = [
  'REGISTERED',
  'CLASSIFIED',
  'DISPOSED',
  'ANSWERED',
  'ESCALATED',
  'BREACHED',
  'REOPENED',
  'CLOSED',
] as const;
/** The class the agency gives a complaint. */
export const COMPLAINT_CLASSES = ['LIGHT', 'NORMATIVE', 'NON_SUPERVISORY', 'SUPERVISORY'] as const;
