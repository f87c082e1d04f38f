import { MESSAGING_MIGRATIONS } from '#messaging';
import { CreateGatewaySchema1764200000000 } from './1764200000000-create-gateway-schema.js';
import { OperatorRole1765100000000 } from './1765100000000-operator-role.js';
import { RejectedPayloadRetention1765110000000 } from './1765110000000-rejected-payload-retention.js';
import { AgencyContacts1766500000000 } from './1766500000000-agency-contacts.js';

/** The gateway's migrations, oldest first: the outbox and inbox of #messaging, then its own tables. */
export const gatewayMigrations = [
  ...MESSAGING_MIGRATIONS, CreateGatewaySchema1764200000000, OperatorRole1765100000000, RejectedPayloadRetention1765110000000,
  AgencyContacts1766500000000,
];
