import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'username must be a string' })
  @MinLength(1, { message: 'username is required' })
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'a long secret' })
  @IsString({ message: 'password must be a string' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password!: string;
}

export class SessionUser {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: '61.71' }) agencyCode!: string;
  @ApiProperty({ type: [String], example: ['FRONT_OFFICE'] }) roles!: string[];
  @ApiProperty() mustChangePassword!: boolean;
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: SessionUser }) user!: SessionUser;
}
