import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, OPERATOR, ROLES } from '#domain';

export const AGENCY_CODES = AGENCIES.map((a) => a.code);
export const USERNAME = /^[a-z][a-z0-9._-]{2,63}$/;
export const USERNAME_MESSAGE =
  'username must be 3–64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter';
export const AGENCY_MESSAGE = `agencyCode must be one of ${AGENCY_CODES.join(', ')}`;
export const ROLES_MESSAGE = `each role must be one of ${ROLES.join(', ')}`;

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: AGENCY_CODES }) agencyCode!: string;
  /** OPERATOR only on the installation's operator: the API never gives it */
  @ApiProperty({ enum: [...ROLES, OPERATOR], isArray: true }) roles!: string[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
