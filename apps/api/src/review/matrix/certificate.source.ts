import { Injectable } from '@nestjs/common';
import { maskIdNumber, normalizeIdentifier } from '@huanxin/shared';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { maskText } from '../../common/logging/redact';
import { DealerRecordsRepository } from '../../dealers/certificates/dealer-records.repository';
import { DEALER_RECORD_FIELDS } from '../../dealers/certificates/dealer-records.service';
import { factAt } from '../../risk/risk-rule';
import type { MatrixCase, MatrixSourceProvider, MatrixValue } from './matrix-source';

/** The claim's fact naming the certificate, and the fields the certificate speaks to. */
const CERTIFICATE_FACT = 'scrap.certificateNo';
const FIELDS = [
  CERTIFICATE_FACT,
  'oldVehicle.vin',
  'oldVehicle.plate',
  'scrap.scrappedOn',
  'scrap.deregisteredOn',
  'applicant.idNumber',
] as const;

/**
 * The dismantler's 《报废机动车回收证明》 the car-scrap claim cites (operations.md §4: the
 * certificate is the authority for the old car): its number, the old VIN and plate, the hand-over
 * and deregistration dates, and the owner (masked, compared by the ID's blind index, as the claim
 * source does). Same certificate and VIN: `match`; another VIN: `conflict`; no dismantler recorded
 * the number: every field `null` here, so the claim's values stand alone (`insufficient`).
 */
@Injectable()
export class CertificateMatrixSource implements MatrixSourceProvider {
  readonly source = 'certificate' as const;

  constructor(
    private readonly records: DealerRecordsRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async values({ application, definition }: MatrixCase): Promise<MatrixValue[]> {
    if (!definition.factFields.some((field) => field.path === CERTIFICATE_FACT)) return [];
    const cited = factAt(application.facts, CERTIFICATE_FACT);
    if (typeof cited !== 'string' || cited.trim() === '') return [];
    const number = normalizeIdentifier(cited);
    const certificate = (await this.records.certificatesByNumber([number])).get(number);
    if (!certificate) return FIELDS.map((field) => ({ field, value: null }));
    const ownerId = this.cipher.decrypt(certificate.ownerIdNumberEnc, DEALER_RECORD_FIELDS.ownerIdNumber);
    return [
      { field: CERTIFICATE_FACT, value: certificate.certificateNo },
      { field: 'oldVehicle.vin', value: maskText(certificate.vin), compareAs: certificate.vin },
      { field: 'oldVehicle.plate', value: certificate.plate },
      { field: 'scrap.scrappedOn', value: certificate.handedOverOn },
      { field: 'scrap.deregisteredOn', value: certificate.deregisteredOn },
      { field: 'applicant.idNumber', value: maskIdNumber(ownerId), compareAs: certificate.ownerIdNumberBidx },
    ];
  }
}
