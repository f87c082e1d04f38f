import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '#domain';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.js';
import { AGENCY_CODES, AGENCY_MESSAGE, ROLES_MESSAGE, USERNAME, USERNAME_MESSAGE } from '../user.dto.js';

export class CreateUserRequest {
  @ApiProperty({ example: 'siti.fo', pattern: USERNAME.source })
  @IsString({ message: 'username must be a string' })
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({ example: 'Siti Rahmawati' })
  @IsString({ message: 'displayName must be a string' })
  @MinLength(1, { message: 'displayName is required' })
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString({ message: 'password must be a string' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters long` })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ enum: AGENCY_CODES, example: '61.71' })
  @IsIn(AGENCY_CODES, { message: AGENCY_MESSAGE })
  agencyCode!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['FRONT_OFFICE'] })
  @IsArray({ message: 'roles must be an array' })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles!: Role[];
}
