import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AGENCY_CODES, AGENCY_MESSAGE } from '../user.dto.js';

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: AGENCY_CODES })
  @IsOptional() @IsIn(AGENCY_CODES, { message: AGENCY_MESSAGE })
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'part of the username or display name' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'offset must be a whole number' }) @Min(0)
  offset: number = 0;
}
