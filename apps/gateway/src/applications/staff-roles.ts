/** Every staff role: who may read the queue of applications and ask for a transition (intake checks each step's roles). */
export const STAFF = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;
