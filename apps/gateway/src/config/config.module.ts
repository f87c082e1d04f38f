import { Global, Module } from '@nestjs/common';
import { GatewayConfig, gatewayConfig } from './gateway.config.js';

/** The validated configuration; a missing or wrong setting stops the gateway at start, naming it. */
@Global()
@Module({
  providers: [{ provide: GatewayConfig, useFactory: gatewayConfig }],
  exports: [GatewayConfig],
})
export class ConfigModule {}
