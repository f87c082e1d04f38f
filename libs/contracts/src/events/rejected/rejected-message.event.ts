import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';

export class FieldErrorDto {
  @IsString() path!: string;
  @IsString() message!: string;
}

/** `sigap.rejected`: which message failed validation or exhausted its retries, and why; none of its values. */
export class RejectedMessageEvent {
  @IsOptional() @IsString() eventId!: string | null;
  @IsString() subject!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FieldErrorDto) errors!: FieldErrorDto[];
}
