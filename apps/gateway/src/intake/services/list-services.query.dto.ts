import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Min } from 'class-validator';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListServicesQuery {
  @ApiPropertyOptional({ example: '33.04', description: "one agency's standards" })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode?: string;

  @ApiPropertyOptional({ example: 'SANTUNAN_ANAK' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be an upper-case service code like SANTUNAN_ANAK' })
  code?: string;

  @ApiPropertyOptional({ description: 'admins: closed standards too' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'includeInactive must be true or false' })
  includeInactive?: boolean;
}

export class GetServiceQuery {
  @ApiPropertyOptional({ description: 'a past version (default: the current one)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}
