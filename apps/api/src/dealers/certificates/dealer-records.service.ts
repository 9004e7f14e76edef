import { Injectable } from '@nestjs/common';
import {
  type CertificateView,
  ErrorCode,
  FieldErrorCode,
  isIsoDate,
  maskIdNumber,
  maskName,
  normalizeIdentifier,
  type OrganizationKind,
  type RecyclingReceiptView,
  validateVin,
} from '@huanxin/shared';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../../common/errors/domain-error';
import type { AuthUser } from '../../common/http/request-context';
import type { UploadBody } from '../../documents/multipart-upload';
import { DocumentStorage } from '../../documents/storage';
import { storeUpload } from '../../documents/stored-upload';
import { ProgramsRepository } from '../../programs/programs.repository';
import { OrganizationsRepository } from '../organizations.repository';
import type { CertificateEntity } from './certificate.entity';
import { CreateCertificateFields, type CreateRecyclingReceiptDto } from './dealer-records.dto';
import { DealerRecordsRepository } from './dealer-records.repository';
import { validateFields } from './multipart-fields';
import type { RecyclingReceiptEntity } from './recycling-receipt.entity';

/** The encrypted columns' field names (bound into each ciphertext as additional data). */
export const DEALER_RECORD_FIELDS = {
  ownerName: 'dealer_certificate.owner_name',
  ownerIdNumber: 'dealer_certificate.owner_id_number',
  sellerIdNumber: 'dealer_recycling_receipt.seller_id_number',
} as const;

/**
 * Dismantlers' certificates and recyclers' receipts (operations.md §2–§4). Only an organisation of
 * the right kind records them (403 ORGANIZATION_KIND_NOT_ALLOWED, checked before a byte of a scan
 * is read); the guard has already required it to be active. A number on file already is refused by
 * the unique index (409), never by a look-up first, so two recordings at once cannot both pass.
 * Names and ID numbers are encrypted with the ID's blind index beside them; every answer masks them.
 * Each record is audited with its ids, never the personal data.
 */
@Injectable()
export class DealerRecordsService {
  constructor(
    private readonly records: DealerRecordsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly storage: DocumentStorage,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async createCertificate(caller: AuthUser, body: UploadBody): Promise<CertificateView> {
    return this.audited('certificate.recorded', 'dealer_certificate', caller, () =>
      this.recordCertificate(caller, body),
    );
  }

  private async recordCertificate(caller: AuthUser, body: UploadBody): Promise<CertificateView> {
    const organizationId = caller.organizationId!;
    // The fields (up to the file part) are read, not a byte of the scan yet: 415 for a body that
    // is not multipart at all comes first, then the organisation's kind.
    const file = await body.file();
    await this.requireKind(organizationId, 'dismantler');
    if (!file) throw validationFailed({ file: FieldErrorCode.REQUIRED }, 'Send the scan as `file`');
    const input = await validateFields(CreateCertificateFields, file.fields);
    const today = this.clock.today();
    this.checkDate('handedOverOn', input.handedOverOn, today);
    if (input.deregisteredOn !== undefined) {
      this.checkDate('deregisteredOn', input.deregisteredOn, today);
      if (input.deregisteredOn < input.handedOverOn)
        throw validationFailed(
          { deregisteredOn: FieldErrorCode.OUT_OF_RANGE },
          'Deregistered before hand-over',
        );
    }
    const vin = validateVin(input.vin, { context: 'old' });
    const ownerIdNumber = normalizeIdentifier(input.ownerIdNumber);
    const scan = await storeUpload(this.storage, file, body);
    try {
      const certificate = await this.records.transaction(async (manager) => {
        const row = await this.records.insertCertificate(manager, {
          organizationId,
          certificateNo: input.certificateNo,
          vin: vin.value,
          vinWarning: vin.warnings.length > 0,
          plate: normalizeIdentifier(input.plate),
          ownerNameEnc: this.cipher.encrypt(input.ownerName.trim(), DEALER_RECORD_FIELDS.ownerName),
          ownerIdNumberEnc: this.cipher.encrypt(ownerIdNumber, DEALER_RECORD_FIELDS.ownerIdNumber),
          ownerIdNumberBidx: this.cipher.blindIndex(ownerIdNumber, 'id_number'),
          handedOverOn: input.handedOverOn,
          deregisteredOn: input.deregisteredOn ?? null,
          scanStorageKey: scan.storageKey,
          scanContentType: scan.contentType,
          scanSize: scan.size,
          scanSha256: scan.sha256,
          createdBy: caller.id,
        });
        if (!row)
          throw new DomainError(
            ErrorCode.DUPLICATE_CERTIFICATE,
            'A certificate with this number is on file',
            {
              fields: { certificateNo: ErrorCode.DUPLICATE_CERTIFICATE },
            },
          );
        await this.audit.record(
          {
            action: 'certificate.recorded',
            result: 'success',
            objectType: 'dealer_certificate',
            objectId: row.id,
            detail: { organizationId, vinWarning: row.vinWarning },
          },
          manager,
        );
        return row;
      });
      return this.certificateView(certificate);
    } catch (error) {
      await scan.discard();
      throw error;
    }
  }

  async listCertificates(caller: AuthUser): Promise<CertificateView[]> {
    const rows = await this.records.listOwnCertificates(caller.organizationId!);
    return rows.map((row) => this.certificateView(row));
  }

  async certificate(caller: AuthUser, id: string): Promise<CertificateView> {
    const row = await this.records.findOwnCertificate(id, caller.organizationId!);
    if (!row) throw new DomainError(ErrorCode.CERTIFICATE_NOT_FOUND, 'No such certificate');
    return this.certificateView(row);
  }

  async createReceipt(caller: AuthUser, input: CreateRecyclingReceiptDto): Promise<RecyclingReceiptView> {
    return this.audited('recycling_receipt.recorded', 'dealer_recycling_receipt', caller, () =>
      this.recordReceipt(caller, input),
    );
  }

  private async recordReceipt(
    caller: AuthUser,
    input: CreateRecyclingReceiptDto,
  ): Promise<RecyclingReceiptView> {
    const organizationId = caller.organizationId!;
    await this.requireKind(organizationId, 'recycler');
    if (!(await this.oldItemCategories()).has(input.category))
      throw validationFailed({ category: FieldErrorCode.NOT_IN_OPTIONS });
    this.checkDate('recycledOn', input.recycledOn, this.clock.today());
    const sellerIdNumber = normalizeIdentifier(input.sellerIdNumber);
    const receipt = await this.records.transaction(async (manager) => {
      const row = await this.records.insertReceipt(manager, {
        organizationId,
        receiptNo: input.receiptNo,
        category: input.category,
        sellerIdNumberEnc: this.cipher.encrypt(sellerIdNumber, DEALER_RECORD_FIELDS.sellerIdNumber),
        sellerIdNumberBidx: this.cipher.blindIndex(sellerIdNumber, 'id_number'),
        recycledOn: input.recycledOn,
        createdBy: caller.id,
      });
      if (!row)
        throw new DomainError(ErrorCode.DUPLICATE_RECEIPT, 'A receipt with this number is on file', {
          fields: { receiptNo: ErrorCode.DUPLICATE_RECEIPT },
        });
      await this.audit.record(
        {
          action: 'recycling_receipt.recorded',
          result: 'success',
          objectType: 'dealer_recycling_receipt',
          objectId: row.id,
          detail: { organizationId, category: row.category },
        },
        manager,
      );
      return row;
    });
    return this.receiptView(receipt);
  }

  async listReceipts(caller: AuthUser): Promise<RecyclingReceiptView[]> {
    const rows = await this.records.listOwnReceipts(caller.organizationId!);
    return rows.map((row) => this.receiptView(row));
  }

  async receipt(caller: AuthUser, id: string): Promise<RecyclingReceiptView> {
    const row = await this.records.findOwnReceipt(id, caller.organizationId!);
    if (!row) throw new DomainError(ErrorCode.RECEIPT_NOT_FOUND, 'No such recycling receipt');
    return this.receiptView(row);
  }

  /** A refused recording is audited too, with its code (never the personal data it carried). */
  private async audited<T>(
    action: string,
    objectType: string,
    caller: AuthUser,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.audit.record({
        action,
        result: 'failure',
        objectType,
        detail: {
          organizationId: caller.organizationId,
          code: error instanceof DomainError ? error.code : 'INTERNAL_ERROR',
        },
      });
      throw error;
    }
  }

  /** The organisation must be of this kind now (read from the database, as the guard reads its status). */
  private async requireKind(organizationId: string, kind: OrganizationKind): Promise<void> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization?.kinds.includes(kind))
      throw new DomainError(
        ErrorCode.ORGANIZATION_KIND_NOT_ALLOWED,
        `Only an organisation registered as ${kind} records this`,
        { extra: { requiredKind: kind } },
      );
  }

  /**
   * The categories an old item may have: those of the published programs that ask for a recycling
   * receipt (`oldItem.recyclingReceiptNo`) — their `item.category` options, or the program's kind
   * (`ebike`) when it has no categories.
   */
  private async oldItemCategories(): Promise<Set<string>> {
    const categories = new Set<string>();
    for (const { definition } of await this.programs.listCurrent()) {
      if (!definition.factFields.some((field) => field.path === 'oldItem.recyclingReceiptNo')) continue;
      const options = definition.factFields.find((field) => field.path === 'item.category')?.options ?? [];
      if (options.length === 0) categories.add(definition.kind);
      for (const option of options) categories.add(String(option.value));
    }
    return categories;
  }

  private checkDate(field: string, value: string, today: string): void {
    if (!isIsoDate(value)) throw validationFailed({ [field]: FieldErrorCode.INVALID_DATE });
    if (value > today)
      throw validationFailed({ [field]: FieldErrorCode.OUT_OF_RANGE }, 'A date in the future');
  }

  private certificateView(row: CertificateEntity): CertificateView {
    return {
      id: row.id,
      certificateNo: row.certificateNo,
      vin: row.vin,
      vinWarning: row.vinWarning,
      plate: row.plate,
      ownerNameMasked: maskName(this.cipher.decrypt(row.ownerNameEnc, DEALER_RECORD_FIELDS.ownerName)),
      ownerIdNumberMasked: maskIdNumber(
        this.cipher.decrypt(row.ownerIdNumberEnc, DEALER_RECORD_FIELDS.ownerIdNumber),
      ),
      handedOverOn: row.handedOverOn,
      deregisteredOn: row.deregisteredOn,
      scan: { contentType: row.scanContentType, size: row.scanSize, sha256: row.scanSha256 },
      createdAt: row.createdAt.toISOString(),
    };
  }

  private receiptView(row: RecyclingReceiptEntity): RecyclingReceiptView {
    return {
      id: row.id,
      receiptNo: row.receiptNo,
      category: row.category,
      sellerIdNumberMasked: maskIdNumber(
        this.cipher.decrypt(row.sellerIdNumberEnc, DEALER_RECORD_FIELDS.sellerIdNumber),
      ),
      recycledOn: row.recycledOn,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
