import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AGENCY_CODES, AGENCY_MESSAGE } from '../user.dto.js';
import { PageQuery } from '../../common/paging/page.query.js';

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENCY_CODES })
  @IsOptional()
  @IsIn(AGENCY_CODES, { message: AGENCY_MESSAGE })
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'part of the username or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
