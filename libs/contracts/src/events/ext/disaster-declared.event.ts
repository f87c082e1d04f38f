import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { REGENCY, DISTRICT } from '../patterns.js';

export const DISASTER_KINDS = [
  'FLOOD',
  'LANDSLIDE',
  'FIRE',
  'EARTHQUAKE',
  'TSUNAMI',
  'VOLCANO',
  'DROUGHT',
  'STORM',
  'SOCIAL_CONFLICT',
  'OTHER',
] as const;

/** `sigap.ext.disaster.declared.v1`: BPBD declared a disaster; emergency logistics dispatch at once. */
export class DisasterDeclaredEvent extends EventEnvelope {
  @IsString() @IsNotEmpty() @MaxLength(100) disasterId!: string;
  @IsIn(DISASTER_KINDS, { message: `kind must be one of ${DISASTER_KINDS.join(', ')}` }) kind!: (typeof DISASTER_KINDS)[number];
  @Matches(REGENCY, { message: 'regencyCode must be a regency code like 61.71' }) regencyCode!: string;
  @IsOptional() @Matches(DISTRICT, { message: 'districtCode must be a district code like 61.71.01' }) districtCode?: string | null;
  @IsOptional() @IsString() @MaxLength(200) postName?: string | null;
  @IsInt() @Min(0) affectedHouseholds!: number;
  @IsInt() @Min(0) affectedPeople!: number;
  @IsBoolean() emergencyStatus!: boolean;
}
