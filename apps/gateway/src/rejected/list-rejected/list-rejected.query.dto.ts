import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/paging/page.query.js';

export class ListRejectedQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'sigap.ext.application.submitted.v1' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({
    description: "the rejected event's eventId: finds the rejection of one message",
    example: '0b8f6c1e-7d0a-4a4e-9c63-2a4f0e9b1d55',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  eventId?: string;
}
