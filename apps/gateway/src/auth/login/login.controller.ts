import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp } from '../../common/auth/actor.decorator.js';
import { Public } from '../../common/auth/public.decorator.js';
import { LoginRequest, LoginResponse } from './login.request.dto.js';
import { LoginService } from './login.service.js';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(private readonly login: LoginService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a JWT carrying the user, agency and roles' })
  @ApiOkResponse({ type: LoginResponse })
  handle(@Body() body: LoginRequest, @ClientIp() ip: string): Promise<LoginResponse> {
    return this.login.login(body.username, body.password, ip);
  }
}
