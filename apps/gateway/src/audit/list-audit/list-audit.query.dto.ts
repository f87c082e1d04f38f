import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListAuditQuery {
  @ApiPropertyOptional({ description: 'the target: a user id or username' })
  @IsOptional() @IsString() @MaxLength(200)
  target?: string;

  @ApiPropertyOptional({ description: 'who acted: a user id or username' })
  @IsOptional() @IsString() @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ example: 'USER_CREATED' })
  @IsOptional() @IsString() @MaxLength(40)
  action?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'offset must be a whole number' }) @Min(0)
  offset: number = 0;
}
