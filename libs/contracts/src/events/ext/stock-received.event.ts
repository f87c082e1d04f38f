import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { StockLineDto } from '../logistics/item-lines.dto.js';

export const STOCK_SOURCES = ['APBN', 'APBD', 'DONATION'] as const;

/** `sigap.ext.logistics.stock.received.v1`: aid received into a warehouse. */
export class StockReceivedEvent extends EventEnvelope {
  @IsString() @IsNotEmpty() @MaxLength(100) receiptId!: string;
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 61' }) agencyCode!: string;
  @IsOptional() @IsString() @MaxLength(50) warehouseCode?: string | null;
  @IsIn(STOCK_SOURCES) source!: (typeof STOCK_SOURCES)[number];
  @IsOptional() @IsString() @MaxLength(100) documentNumber?: string | null;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => StockLineDto) lines!: StockLineDto[];
}
