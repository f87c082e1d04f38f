import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/paging/page.query.js';

export class ListRejectedQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'sigap.ext.application.submitted.v1' })
  @IsOptional() @IsString() @MaxLength(200)
  subject?: string;
}
