import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AGENCIES, type Agency } from '#domain';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class ListAgenciesController {
  @Get()
  @ApiOperation({ summary: 'The agencies sharing this installation' })
  list(): Agency[] {
    return AGENCIES;
  }
}
