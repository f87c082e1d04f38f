import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { GatewayConfig, gatewayConfig } from './gateway.config.js';

/** The validated configuration (a missing or wrong setting stops the gateway at start, naming it) and the clock. */
@Global()
@Module({
  providers: [{ provide: GatewayConfig, useFactory: gatewayConfig }, Clock],
  exports: [GatewayConfig, Clock],
})
export class ConfigModule {}
