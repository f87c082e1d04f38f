import { CreateMessagingTables1764100000000 } from '#messaging';
import { CreateGatewaySchema1764200000000 } from './1764200000000-create-gateway-schema.js';
import { OperatorRole1765100000000 } from './1765100000000-operator-role.js';

/** The gateway's migrations, oldest first: the outbox and inbox of #messaging, then its own tables. */
export const gatewayMigrations = [CreateMessagingTables1764100000000, CreateGatewaySchema1764200000000, OperatorRole1765100000000];
