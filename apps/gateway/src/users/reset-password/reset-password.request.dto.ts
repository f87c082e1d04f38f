import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.js';

export class ResetPasswordRequest {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'a temporary password; the user must change it at the next login' })
  @IsString({ message: 'password must be a string' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters long` })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
