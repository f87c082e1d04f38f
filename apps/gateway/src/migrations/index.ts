import { MESSAGING_MIGRATIONS } from '#messaging';
import { CreateGatewaySchema1764200000000 } from './1764200000000-create-gateway-schema.js';
import { OperatorRole1765100000000 } from './1765100000000-operator-role.js';
import { RejectedPayloadRetention1765110000000 } from './1765110000000-rejected-payload-retention.js';
import { RejectedAgencyCode1765320000000 } from './1765320000000-rejected-agency-code.js';
import { LoginDelayRateLimits1766000000000 } from './1766000000000-login-delay-rate-limits.js';
import { AgencyContacts1766500000000 } from './1766500000000-agency-contacts.js';

/** The gateway's migrations, oldest first: the outbox and inbox of #messaging, then its own tables. */
export const gatewayMigrations = [
  ...MESSAGING_MIGRATIONS,
  CreateGatewaySchema1764200000000,
  OperatorRole1765100000000,
  RejectedPayloadRetention1765110000000,
  RejectedAgencyCode1765320000000,
  LoginDelayRateLimits1766000000000,
  AgencyContacts1766500000000,
];
