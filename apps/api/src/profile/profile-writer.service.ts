import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  PRIVACY_CONSENT_VERSION,
  validateBankCard,
  validateResidentId,
} from '@huanxin/shared';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { PayoutProofService } from './payout-proof.service';
import type { UpdateProfileDto } from './profile.dto';
import { ProfileRepository } from './profile.repository';
import { ResidentProfileEntity } from './resident-profile.entity';

type Field = 'name' | 'idNumber' | 'street' | 'address' | 'bankName' | 'bankAccount';

interface Normalised {
  name: string;
  idNumber: string;
  street: string;
  address: string;
  bankName: string;
  bankAccount: string;
}

const BANK_CHANGE_SMS =
  '【章丘换新】您在平台登记的收款银行账户已修改。如非本人操作，请立即联系章丘区商务服务中心。';

/**
 * Saves a resident's real-name details. Changing the payout details of an existing profile (the
 * bank account, or the ID number) needs a fresh SMS code of purpose `payout-change`; the first save
 * does not. Once the account has a submitted claim the ID number is fixed (409 ID_NUMBER_LOCKED).
 * A changed bank account is audited (no values), flags the resident's claims still heading for a
 * payout (BANK_ACCOUNT_CHANGED) and sends the resident an SMS through the outbox. Every save
 * audits the names of the fields it changed, never their values.
 */
@Injectable()
export class ProfileWriter {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly proof: PayoutProofService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async save(userId: string, input: UpdateProfileDto, ip: string): Promise<ResidentProfileEntity> {
    const next: Normalised = {
      name: input.name.trim(),
      idNumber: validateResidentId(input.idNumber).value,
      street: input.street,
      address: input.address.trim(),
      bankName: input.bankName.trim(),
      bankAccount: validateBankCard(input.bankAccount).value,
    };
    // A first look outside the transaction decides whether a code is needed (checking it consumes
    // it, and an SMS round trip does not belong inside a transaction); the locked re-read below
    // refuses the save if the profile changed meanwhile in a way the proof did not cover.
    const before = await this.profiles.find(userId);
    const needsProof = (changed: Field[]) => changed.includes('bankAccount') || changed.includes('idNumber');
    const firstChanged = before ? this.changedFields(before, next) : [];
    if (firstChanged.includes('idNumber') && (await this.profiles.hasSubmittedClaim(userId)))
      throw idLocked();
    const proven = needsProof(firstChanged);
    if (proven) await this.proof.verify(userId, input, ip);

    const idNumberBidx = this.cipher.blindIndex(next.idNumber, 'id_number');
    const now = this.clock.now();
    return this.profiles
      .transaction(async (manager) => {
        const current = await this.profiles.lock(userId, manager);
        const changed = current ? this.changedFields(current, next) : [];
        if (current && needsProof(changed) && !proven) {
          throw validationFailed({ otpCode: FieldErrorCode.REQUIRED }, 'A fresh SMS code is required');
        }
        if (changed.includes('idNumber') && (await this.profiles.hasSubmittedClaim(userId, manager)))
          throw idLocked();
        const owner = await this.profiles.ownerOfIdNumber(idNumberBidx, manager);
        if (owner && owner !== userId) throw idNumberInUse();
        await this.profiles.insertConsent(
          {
            userId,
            purpose: 'sensitive-personal-information',
            version: PRIVACY_CONSENT_VERSION,
            grantedAt: now,
          },
          manager,
        );
        await this.profiles.upsert(
          {
            userId,
            nameEnc: this.cipher.encrypt(next.name, 'profile.name'),
            idNumberEnc: this.cipher.encrypt(next.idNumber, 'profile.id_number'),
            idNumberBidx,
            street: next.street,
            addressEnc: this.cipher.encrypt(next.address, 'profile.address'),
            bankName: next.bankName,
            bankAccountEnc: this.cipher.encrypt(next.bankAccount, 'profile.bank_account'),
            bankAccountBidx: this.cipher.blindIndex(next.bankAccount, 'bank_account'),
            consentVersion: PRIVACY_CONSENT_VERSION,
            consentAt: now,
          },
          manager,
        );
        await this.audit.record(
          {
            action: 'profile.updated',
            result: 'success',
            objectType: 'resident',
            objectId: userId,
            detail: {
              consentVersion: PRIVACY_CONSENT_VERSION,
              created: current === null,
              changed: current ? changed : Object.keys(next),
            },
          },
          manager,
        );
        if (current && changed.includes('bankAccount')) {
          const flaggedClaims = await this.profiles.flagBankAccountChanged(userId, now, manager);
          await this.audit.record(
            {
              action: 'profile.bank_account_changed',
              result: 'success',
              objectType: 'resident',
              objectId: userId,
              detail: { flaggedClaims },
            },
            manager,
          );
          await this.profiles.queueAccountNotice(
            userId,
            `payout-change-${randomUUID()}`,
            'payout_details_changed',
            BANK_CHANGE_SMS,
            manager,
          );
        }
        return this.profiles.findOrFail(userId, manager);
      })
      .catch((error: unknown) => {
        // Two residents saving one ID number at once: the unique blind index refuses the second
        // (the only unique key the upsert does not resolve), which is the same conflict as above.
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
          throw idNumberInUse();
        throw error;
      });
  }

  /** The names of the fields whose value differs from the stored one (decrypted to compare). */
  private changedFields(stored: ResidentProfileEntity, next: Normalised): Field[] {
    const current: Normalised = {
      name: this.cipher.decrypt(stored.nameEnc, 'profile.name'),
      idNumber: this.cipher.decrypt(stored.idNumberEnc, 'profile.id_number'),
      street: stored.street,
      address: this.cipher.decrypt(stored.addressEnc, 'profile.address'),
      bankName: stored.bankName,
      bankAccount: this.cipher.decrypt(stored.bankAccountEnc, 'profile.bank_account'),
    };
    return (Object.keys(next) as Field[]).filter((field) => current[field] !== next[field]);
  }
}

function idNumberInUse(): DomainError {
  return new DomainError(
    ErrorCode.ID_NUMBER_IN_USE,
    'This ID number is already registered to another account',
    {
      fields: { idNumber: ErrorCode.ID_NUMBER_IN_USE },
    },
  );
}

function idLocked(): DomainError {
  return new DomainError(
    ErrorCode.ID_NUMBER_LOCKED,
    'The ID number cannot change once a claim has been submitted',
    { fields: { idNumber: ErrorCode.ID_NUMBER_LOCKED } },
  );
}
