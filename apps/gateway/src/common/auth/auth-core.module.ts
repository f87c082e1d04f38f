import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoginAttemptEntity } from '../../auth/login/login-attempt.entity.js';
import { LoginThrottle } from '../../auth/login/login-throttle.service.js';
import { TokenService } from '../../auth/token.service.js';
import { GatewayConfig } from '../../config/gateway.config.js';
import { PasswordHasher } from '../../users/password-hasher.js';
import { UserDirectory } from '../../users/user-directory.service.js';
import { UserEntity } from '../../users/user.entity.js';

/** What both the guards and the account use cases need: tokens, hashing, the user lookup, login counters. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, LoginAttemptEntity]),
    JwtModule.registerAsync({
      inject: [GatewayConfig],
      useFactory: (cfg: GatewayConfig) => ({ secret: cfg.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [TokenService, PasswordHasher, UserDirectory, LoginThrottle],
  exports: [TokenService, PasswordHasher, UserDirectory, LoginThrottle, TypeOrmModule],
})
export class AuthCoreModule {}
