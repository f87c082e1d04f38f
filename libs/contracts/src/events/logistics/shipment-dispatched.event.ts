import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { REGENCY, DISTRICT } from '../patterns.js';
import { ItemLineDto, StockLineDto } from '../logistics/item-lines.dto.js';

export class DestinationDto {
  @Matches(REGENCY) regencyCode!: string;
  @IsOptional() @Matches(DISTRICT) districtCode?: string | null;
  @IsOptional() @IsString() postName?: string | null;
}

/** `sigap.logistics.shipment.dispatched.v1`: stock left a warehouse. */
export class ShipmentDispatchedEvent extends EventEnvelope {
  @IsString() shipmentId!: string;
  @IsIn(['EMERGENCY', 'REGULAR']) kind!: 'EMERGENCY' | 'REGULAR';
  @IsOptional() @IsString() disasterId?: string | null;
  @IsOptional() @IsString() requestId?: string | null;
  @IsString() agencyCode!: string;
  @IsString() fromWarehouse!: string;
  @ValidateNested() @Type(() => DestinationDto) destination!: DestinationDto;
  @IsString() deliveryNoteNumber!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StockLineDto) lines!: StockLineDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemLineDto) uncovered!: ItemLineDto[];
}
