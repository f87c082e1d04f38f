import { IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { ITEM_CODE } from '../patterns.js';

export class ItemLineDto {
  @Matches(ITEM_CODE, { message: 'itemCode must be an upper-case item code like FOOD_PACK' }) itemCode!: string;
  @IsInt() @Min(1) quantity!: number;
}

export class StockLineDto extends ItemLineDto {
  @IsOptional() @IsString() @MaxLength(100) batch?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string | null;
}
