import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, FieldErrorCode, revealAllowed, type RevealField } from '@huanxin/shared';
import { AuditService } from '../audit/audit.service';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import { maskText } from '../common/logging/redact';
import { RevealLimiter } from './reveal-limit';
import type { RevealDto } from './reveal.dto';
import { type RevealClaim, RevealRepository, type ResidentSecrets } from './reveal.repository';

/** Claim states in which a reviewer works on the claim and may need a full value. */
const REVIEWABLE: readonly RevealClaim['status'][] = ['in_review'];

/** Where each field is stored and under which cipher context. */
function stored(secrets: ResidentSecrets, field: RevealField): [string | null | undefined, string] {
  switch (field) {
    case 'phone':
      return [secrets.phoneEnc, 'user.phone'];
    case 'name':
      return [secrets.profile?.nameEnc, 'profile.name'];
    case 'idNumber':
      return [secrets.profile?.idNumberEnc, 'profile.id_number'];
    case 'bankAccount':
      return [secrets.profile?.bankAccountEnc, 'profile.bank_account'];
    case 'address':
      return [secrets.profile?.addressEnc, 'profile.address'];
  }
}

/**
 * A reviewer's look at one full personal-data value (PIPL Art. 28; GB/T 35273 §7.1). Not "any
 * reviewer, anyone": the reveal names a claim of that resident which the reviewer is working on
 * and a published reason that justifies the field; it counts against a daily limit, beyond which
 * the auditor is alerted; and each reveal is audited with the field, the claim and the reason.
 */
@Injectable()
export class RevealService {
  private readonly logger = new Logger(RevealService.name);

  constructor(
    private readonly reveals: RevealRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly limiter: RevealLimiter,
  ) {}

  async reveal(
    user: AuthUser,
    residentId: string,
    input: RevealDto,
  ): Promise<{ field: RevealField; value: string }> {
    if (!revealAllowed(input.reason, input.field))
      throw validationFailed(
        { field: FieldErrorCode.NOT_IN_OPTIONS },
        `The reason ${input.reason} does not justify revealing ${input.field}`,
      );
    const secrets = await this.reveals.findResidentSecrets(residentId);
    if (!secrets) throw new DomainError(ErrorCode.NOT_FOUND, 'Not found');
    const claim = await this.reveals.findClaimOfResident(input.applicationId, residentId);
    if (!claim) throw new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
    this.assertInScope(claim, user);

    const detail = {
      field: input.field,
      applicationId: claim.id,
      reason: input.reason,
      ...(input.note && { note: maskText(input.note) }),
    };
    try {
      await this.limiter.consume(user.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.REVEAL_LIMIT_EXCEEDED) {
        // The auditor's alert: a distinct action in the audit log, one row per refused reveal.
        this.logger.warn({ userId: user.id, applicationId: claim.id }, 'daily reveal limit exceeded');
        await this.audit.record({
          action: 'pii.reveal.limit_exceeded',
          result: 'denied',
          objectType: 'resident',
          objectId: residentId,
          detail,
        });
      }
      throw error;
    }

    const [encrypted, context] = stored(secrets, input.field);
    if (!encrypted) throw new DomainError(ErrorCode.PROFILE_NOT_FOUND, 'No real-name details');
    const value = this.cipher.decrypt(encrypted, context);
    await this.audit.record({
      action: 'pii.reveal',
      result: 'success',
      objectType: 'resident',
      objectId: residentId,
      detail,
    });
    return { field: input.field, value };
  }

  /**
   * The claim must be one the reviewer is working on. Today that is its state: `in_review`.
   * SEAM for the review work (leases, queues): also require that the claim is assigned to or held
   * by `user` (an unexpired lease), or is in a program of the user's queue; refuse otherwise with
   * 403. `user` is passed for that check.
   */
  private assertInScope(claim: RevealClaim, _user: AuthUser): void {
    if (!REVIEWABLE.includes(claim.status))
      throw new DomainError(
        ErrorCode.WRONG_STATE,
        `Personal data is revealed only for a claim in review (this one is ${claim.status})`,
      );
  }
}
