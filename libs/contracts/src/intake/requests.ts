import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `POST /api/v1/applications/{id}/transitions`: staff move an application along its standard's lifecycle. */
export class TransitionRequest {
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'to must be a status code like VERIFIED' })
  to!: string;

  /** why: kept in the history (staff only); some transitions require it (RETURNED, REJECTED, WITHDRAWN) */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2000)
  reason?: string;

  /** a reason fit for the citizen's public status page (no personal data) */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'publicReason must not be empty' })
  @MaxLength(500)
  publicReason?: string;
}

export const NON_WORKING_DAY_KINDS = ['NATIONAL_HOLIDAY', 'CUTI_BERSAMA'] as const;

/** `POST /api/v1/calendar/{year}/days`: a holiday or a day of collective leave (cuti bersama) of an agency. */
export class CalendarDayRequest {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @IsIn(NON_WORKING_DAY_KINDS, { message: 'kind must be NATIONAL_HOLIDAY or CUTI_BERSAMA' })
  kind!: (typeof NON_WORKING_DAY_KINDS)[number];

  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** default: the admin's own agency */
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode?: string;
}
