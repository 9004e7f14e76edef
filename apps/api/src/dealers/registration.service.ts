import { Injectable } from '@nestjs/common';
import {
  DEALER_COMMITMENT_VERSION,
  type DealerRegistrationResult,
  ErrorCode,
  FieldErrorCode,
  validateCorporateAccount,
  validateMobile,
  validateUscc,
} from '@huanxin/shared';
import { AuditService } from '../audit/audit.service';
import { checkPassword } from '../auth/password-policy';
import { PasswordService } from '../auth/password.service';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { RateLimiter } from '../common/http/rate-limit';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { ProgramsRepository } from '../programs/programs.repository';
import { UsersRepository } from '../users/users.repository';
import type { RegistrationDto } from './dealers.dto';
import { ORGANIZATION_FIELDS } from './organization-view';
import { OrganizationsRepository } from './organizations.repository';

/**
 * Public dealer registration (operations.md §2): the organisation, `pending`, with its first user
 * as organisation administrator, in one transaction. Duplicates are decided by the unique indexes
 * (`ON CONFLICT DO NOTHING`), never by a lookup first: of two concurrent registrations of one
 * credit code or one username exactly one commits, the other gets 409. A credit code whose
 * organisation was disqualified stays held by that row forever, so it is refused as
 * USCC_DISQUALIFIED.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly programs: ProgramsRepository,
    private readonly passwords: PasswordService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async register(input: RegistrationDto, ip: string): Promise<DealerRegistrationResult> {
    const org = input.organization;
    const weak = checkPassword(input.password, { username: input.username, displayName: org.contactName });
    if (weak) throw validationFailed({ password: weak });
    const known = new Set((await this.programs.listCurrent()).map((program) => program.code));
    if (!org.programs.every((code) => known.has(code)))
      throw validationFailed({ 'organization.programs': FieldErrorCode.NOT_IN_OPTIONS });
    // Hashing is the expensive step of a public route: the same per-address budget as sign-in.
    await this.limiter.hit(
      {
        name: 'dealer-registration-ip-hour',
        limit: this.config.auth.authIpLimitPerHour,
        windowSeconds: 3600,
        onStoreDown: 'closed',
      },
      `ip:${ip}`,
    );
    const uscc = validateUscc(org.uscc).value;
    const name = org.name.trim();
    const passwordHash = await this.passwords.hash(input.password);
    const now = this.clock.now();
    return this.organizations.transaction(async (manager) => {
      const created = await this.users.insertOrganization(
        {
          name,
          uscc,
          kinds: [...org.kinds],
          programs: [...org.programs],
          status: 'pending',
          statusReason: null,
          statusChangedAt: now,
          street: org.street,
          contactName: org.contactName.trim(),
          contactPhoneEnc: this.cipher.encrypt(
            validateMobile(org.contactPhone).value,
            ORGANIZATION_FIELDS.contactPhone,
          ),
          payoutBankName: org.payoutBankName.trim(),
          payoutAccountName: name,
          payoutAccountEnc: this.cipher.encrypt(
            validateCorporateAccount(org.payoutAccountNo).value,
            ORGANIZATION_FIELDS.payoutAccount,
          ),
          commitmentVersion: DEALER_COMMITMENT_VERSION,
          commitmentAt: now,
        },
        manager,
      );
      if (!created) {
        const holder = await this.organizations.findByUscc(uscc, manager);
        if (holder?.status === 'disqualified')
          throw new DomainError(ErrorCode.USCC_DISQUALIFIED, 'This credit code was disqualified', {
            fields: { 'organization.uscc': ErrorCode.USCC_DISQUALIFIED },
          });
        throw new DomainError(ErrorCode.USCC_IN_USE, 'An organisation with this credit code is registered', {
          fields: { 'organization.uscc': ErrorCode.USCC_IN_USE },
        });
      }
      const user = await this.users.insertAccount(
        {
          role: 'dealer',
          username: input.username,
          displayName: org.contactName.trim(),
          passwordHash,
          organizationId: created.id,
          pendingActivationBy: null,
          orgAdmin: true,
        },
        manager,
      );
      if (!user)
        throw new DomainError(ErrorCode.USERNAME_IN_USE, 'This username is taken', {
          fields: { username: ErrorCode.USERNAME_IN_USE },
        });
      await this.organizations.insertStatusEvent(
        {
          organizationId: created.id,
          fromStatus: null,
          toStatus: 'pending',
          reason: 'registered',
          actorId: user.id,
          createdAt: now,
        },
        manager,
      );
      await this.audit.record(
        {
          action: 'organization.registered',
          result: 'success',
          actor: { id: user.id, role: 'dealer' },
          objectType: 'organization',
          objectId: created.id,
          detail: { kinds: org.kinds, programs: org.programs, commitmentVersion: DEALER_COMMITMENT_VERSION },
        },
        manager,
      );
      return { organizationId: created.id, status: 'pending' as const };
    });
  }
}
