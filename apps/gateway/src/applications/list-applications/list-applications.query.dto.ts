import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/paging/page.query.js';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `GET /api/v1/applications` (query) and `POST /api/v1/applications/search` (body): the queue's filters. */
export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'REGISTERED,IN_VERIFICATION', description: 'one status or several, comma-separated' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}(,[A-Z][A-Z0-9_]{1,39})*$/, { message: 'status must be status codes separated by commas' })
  status?: string;

  @ApiPropertyOptional({ example: 'SANTUNAN_ANAK' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'serviceCode must be an upper-case service code' })
  serviceCode?: string;

  @ApiPropertyOptional({ example: '61.71', description: 'one of the agencies the caller covers (a province: one of its regencies)' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode?: string;

  @ApiPropertyOptional({ example: '33.04.01', description: "the applicant's area: a regency, district or village code" })
  @IsOptional()
  @Matches(/^\d{2}(\.?\d{2}(\.?\d{2}(\.?\d{4})?)?)?$/, { message: 'areaCode must be an area code like 33.04.01' })
  areaCode?: string;

  @ApiPropertyOptional({ description: 'open, due within the next 24 hours' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'dueSoon must be true or false' })
  dueSoon?: boolean;

  @ApiPropertyOptional({ description: 'open and past the due time (true), or not (false)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: "the deadline's clock runs (true: the working queue), or stopped (false: met or closed)" })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;

  @ApiPropertyOptional({ description: 'a ticket number (or part), a name, or a full 16-digit NIK / KK number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
