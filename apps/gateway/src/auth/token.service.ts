import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { GatewayConfig } from '../config/gateway.config.js';
import type { UserEntity } from '../users/user.entity.js';

/** What a Sigap access token carries. */
export interface AccessClaims {
  sub: string;
  username: string;
  agencyCode: string;
  roles: string[];
  /** the account's password version (when it last changed, ms): a token of an older one is refused */
  pwv: number;
  iat: number;
  exp: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(GatewayConfig) private readonly cfg: GatewayConfig,
  ) {}

  get ttlSeconds(): number {
    return this.cfg.JWT_TTL_SECONDS;
  }

  issue(user: UserEntity): Promise<string> {
    return this.jwt.signAsync(
      { sub: user.id, username: user.username, agencyCode: user.agencyCode, roles: user.roles, pwv: user.passwordChangedAt.getTime() },
      { expiresIn: this.cfg.JWT_TTL_SECONDS },
    );
  }

  verify(token: string): Promise<AccessClaims> {
    return this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
  }
}
