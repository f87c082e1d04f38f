import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { GatewayConfig } from '../config/gateway.config.js';
import { ChangePasswordController } from './change-password/change-password.controller.js';
import { ChangePasswordService } from './change-password/change-password.service.js';
import { LoginController } from './login/login.controller.js';
import { LoginService } from './login/login.service.js';
import { MeController } from './me/me.controller.js';

@Module({
  imports: [
    // applied to the login route only (its guard is on that route): a cheap first line
    // before the per-username and per-address counters in Postgres
    ThrottlerModule.forRootAsync({
      inject: [GatewayConfig],
      useFactory: (cfg: GatewayConfig) => ({ throttlers: [{ name: 'login', ttl: 60_000, limit: cfg.LOGIN_RATE_LIMIT_PER_MINUTE }] }),
    }),
  ],
  controllers: [LoginController, MeController, ChangePasswordController],
  providers: [LoginService, ChangePasswordService],
})
export class AuthModule {}
