import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `PUT /api/v1/agencies/{code}/contact`: what the public status page tells a citizen. */
export class AgencyContactRequest {
  @ApiProperty({ example: 'Jl. Letjend Suprapto No. 1, Banjarnegara 53415' })
  @IsString()
  @IsNotEmpty({ message: 'address must not be empty' })
  @MaxLength(500)
  address!: string;

  @ApiProperty({ example: '(0286) 591234' })
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'phone must be a phone number' })
  phone!: string;

  @ApiPropertyOptional({ example: 'dinsos@banjarnegarakab.go.id' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @ApiProperty({ example: 'Senin–Kamis 07.30–15.30, Jumat 07.30–11.00' })
  @IsString()
  @IsNotEmpty({ message: 'officeHours must not be empty' })
  @MaxLength(300)
  officeHours!: string;
}
