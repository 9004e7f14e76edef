import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  CERTIFICATE_NO_PATTERN,
  normalizeIdentifier,
  ORGANIZATION_DOCUMENT_KINDS,
  type OrganizationDocumentKind,
  RECEIPT_NO_PATTERN,
} from '@huanxin/shared';
import { IsOldVin, IsPlate, IsResidentId } from '../../common/validation/identifiers';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Numbers are compared normalised (identifiers.md): trimmed, half-width, upper-case, no spaces. */
const normalised = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeIdentifier(value) : value,
  );

/**
 * The fields of `POST /api/dealer/certificates` (multipart, sent before the `file` part): the
 * 《报废机动车回收证明》 as the dismantler issued it.
 */
export class CreateCertificateFields {
  @ApiProperty({ example: 'BF2026-0001234', description: 'Certificate number (unique across dismantlers)' })
  @IsString()
  @MaxLength(40)
  @normalised()
  @Matches(CERTIFICATE_NO_PATTERN, { message: 'INVALID_FORMAT' })
  @IsDefined()
  certificateNo: string;

  @ApiProperty({ example: 'LSJA24U62JG269225', description: 'Old VIN: a failed check digit is a warning' })
  @IsOldVin()
  @IsDefined()
  vin: string;

  @ApiProperty({ example: '鲁A12345' })
  @IsPlate()
  @IsDefined()
  plate: string;

  @ApiProperty({ example: '张三', description: 'Registered owner; stored encrypted' })
  @IsString()
  @Matches(/\S/, { message: 'REQUIRED' })
  @MaxLength(40)
  @IsDefined()
  ownerName: string;

  @ApiProperty({ example: '370181196003010015', description: 'Owner ID number (checksum); stored encrypted' })
  @IsResidentId()
  @IsDefined()
  ownerIdNumber: string;

  @ApiProperty({ example: '2026-03-02', description: 'Hand-over to the dismantler (not in the future)' })
  @IsString()
  @Matches(DATE, { message: 'INVALID_DATE' })
  @IsDefined()
  handedOverOn: string;

  @ApiPropertyOptional({
    example: '2026-03-05',
    description: 'Deregistration, when known (not before hand-over)',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'INVALID_DATE' })
  deregisteredOn?: string;
}

/** `POST /api/dealer/recycling-receipts`. */
export class CreateRecyclingReceiptDto {
  @ApiProperty({ example: 'HS2026-000123', description: 'Receipt number (unique across recyclers)' })
  @IsString()
  @MaxLength(40)
  @normalised()
  @Matches(RECEIPT_NO_PATTERN, { message: 'INVALID_FORMAT' })
  @IsDefined()
  receiptNo: string;

  @ApiProperty({
    example: 'refrigerator',
    description: 'The old item: a category of a program with old items',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @IsDefined()
  category: string;

  @ApiProperty({
    example: '370181196003010015',
    description: 'Seller ID number (checksum); stored encrypted',
  })
  @IsResidentId()
  @IsDefined()
  sellerIdNumber: string;

  @ApiProperty({ example: '2026-04-18', description: 'Not in the future' })
  @IsString()
  @Matches(DATE, { message: 'INVALID_DATE' })
  @IsDefined()
  recycledOn: string;
}

/** The field of `POST /api/dealer/documents` (multipart, before the `file` part). */
export class OrganizationDocumentFields {
  @ApiProperty({ enum: ORGANIZATION_DOCUMENT_KINDS })
  @IsIn(ORGANIZATION_DOCUMENT_KINDS)
  @IsDefined()
  kind: OrganizationDocumentKind;
}
