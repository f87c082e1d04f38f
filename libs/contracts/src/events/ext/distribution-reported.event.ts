import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { REGENCY } from '../patterns.js';
import { ItemLineDto } from '../logistics/item-lines.dto.js';

export class DistributionLineDto extends ItemLineDto {
  @IsOptional() @IsInt() @Min(0) households?: number;
}

/** `sigap.ext.logistics.distribution.reported.v1`: a regency or a post reports what it handed out. */
export class DistributionReportedEvent extends EventEnvelope {
  @IsString() @IsNotEmpty() @MaxLength(100) reportId!: string;
  @IsIn(['REGENCY', 'POST']) level!: 'REGENCY' | 'POST';
  @Matches(REGENCY, { message: 'regencyCode must be a regency code like 61.71' }) regencyCode!: string;
  @IsOptional() @IsString() @MaxLength(200) postName?: string | null;
  @IsOptional() @IsString() shipmentId?: string | null;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DistributionLineDto) lines!: DistributionLineDto[];
}
