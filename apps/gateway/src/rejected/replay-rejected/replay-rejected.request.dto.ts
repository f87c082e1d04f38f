import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class ReplayRejectedRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'a corrected payload; without it the stored one is replayed',
  })
  @IsOptional()
  @IsObject({ message: 'payload must be a JSON object' })
  payload?: Record<string, unknown>;
}
