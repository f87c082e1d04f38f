import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { asyncApiDocument } from '#contracts';
import { Public } from '../common/auth/public.decorator.js';

/** The AsyncAPI document of the NATS contract, beside the OpenAPI one (`/api/docs`). */
@ApiExcludeController()
@Controller('docs')
export class AsyncApiController {
  private readonly doc = asyncApiDocument();

  @Public()
  @Get('asyncapi.json')
  get(): Record<string, unknown> {
    return this.doc;
  }
}
