import { randomUUID } from 'node:crypto';
import { normalizeIdentifier } from '@huanxin/shared';
import { OLD_VEHICLE_VIN } from '@huanxin/shared/testing';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { DEALER_RECORD_FIELDS } from '../../src/dealers/certificates/dealer-records.service';
import { dataSourceOf } from './identity';
import type { TestApp } from './test-app';

export interface CertificateOnFile {
  certificateNo: string;
  vin?: string;
  ownerIdNumber: string;
  handedOverOn?: string;
}

/**
 * Puts scrap certificates on file for the demo dismantler (dealer2's organisation), written straight
 * to the database through the app's own cipher, for suites whose car claims should find theirs (the
 * route itself, with the scan, is proved in dealer-certificates.e2e-spec). No scan is stored.
 */
export async function fileCertificates(
  t: TestApp,
  certificates: readonly CertificateOnFile[],
): Promise<void> {
  const cipher = t.app.get(PiiCipher);
  const db = dataSourceOf(t);
  const [dismantler] = (await db.query(
    `SELECT u.id AS user_id, u.organization_id FROM user_account u WHERE u.username = 'dealer2'`,
  )) as { user_id: string; organization_id: string }[];
  for (const certificate of certificates) {
    const ownerId = normalizeIdentifier(certificate.ownerIdNumber);
    await db.query(
      `INSERT INTO dealer_certificate (organization_id, certificate_no, vin, plate, owner_name_enc, owner_id_number_enc, owner_id_number_bidx, handed_over_on, scan_storage_key, scan_content_type, scan_size, scan_sha256, created_by)
       VALUES ($1, $2, $3, '鲁A12345', $4, $5, $6, $7, $8, 'application/pdf', 0, '', $9)`,
      [
        dismantler!.organization_id,
        normalizeIdentifier(certificate.certificateNo),
        normalizeIdentifier(certificate.vin ?? OLD_VEHICLE_VIN),
        cipher.encrypt('测试车主', DEALER_RECORD_FIELDS.ownerName),
        cipher.encrypt(ownerId, DEALER_RECORD_FIELDS.ownerIdNumber),
        cipher.blindIndex(ownerId, 'id_number'),
        certificate.handedOverOn ?? '2026-03-02',
        randomUUID(),
        dismantler!.user_id,
      ],
    );
  }
}
