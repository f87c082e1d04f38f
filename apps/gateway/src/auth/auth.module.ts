import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { RateLimitStore } from '../common/rate-limit/rate-limit.store.js';
import { GatewayConfig } from '../config/gateway.config.js';
import { ChangePasswordController } from './change-password/change-password.controller.js';
import { ChangePasswordService } from './change-password/change-password.service.js';
import { LoginController } from './login/login.controller.js';
import { LoginService } from './login/login.service.js';
import { MeController } from './me/me.controller.js';

@Module({
  imports: [
    // applied to the login route only (its guard is on that route): requests per minute and
    // address, counted in Postgres (RateLimitStore) so that the limit holds across replicas and
    // restarts; then the per-username and per-address delay of LoginThrottle
    ThrottlerModule.forRootAsync({
      inject: [GatewayConfig, RateLimitStore],
      useFactory: (cfg: GatewayConfig, storage: RateLimitStore) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: cfg.LOGIN_RATE_LIMIT_PER_MINUTE }],
        storage,
      }),
    }),
  ],
  controllers: [LoginController, MeController, ChangePasswordController],
  providers: [LoginService, ChangePasswordService],
})
export class AuthModule {}
