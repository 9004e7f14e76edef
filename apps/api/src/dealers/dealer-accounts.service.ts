import { Injectable } from '@nestjs/common';
import { type DealerMeView, type DealerUserView, ErrorCode } from '@huanxin/shared';
import { AuditService } from '../audit/audit.service';
import { checkPassword } from '../auth/password-policy';
import { PasswordService } from '../auth/password.service';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { CreateDealerUserDto } from './dealers.dto';
import { organizationView } from './organization-view';
import { OrganizationsRepository } from './organizations.repository';

export function dealerUserView(user: UserEntity): DealerUserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgAdmin: user.orgAdmin,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The dealer's own organisation and its accounts (an organisation admin adds staff). */
@Injectable()
export class DealerAccountsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
  ) {}

  async me(caller: AuthUser): Promise<DealerMeView> {
    const user = await this.organizations.findUser(caller.id);
    const organization = caller.organizationId
      ? await this.organizations.findById(caller.organizationId)
      : null;
    if (!user || !organization) throw new DomainError(ErrorCode.ORGANIZATION_NOT_FOUND, 'No organisation');
    return { organization: organizationView(organization, this.cipher), user: dealerUserView(user) };
  }

  async listUsers(caller: AuthUser): Promise<DealerUserView[]> {
    return (await this.organizations.listUsers(caller.organizationId!)).map(dealerUserView);
  }

  async createUser(caller: AuthUser, input: CreateDealerUserDto): Promise<DealerUserView> {
    const weak = checkPassword(input.password, { username: input.username, displayName: input.displayName });
    if (weak) throw validationFailed({ password: weak });
    const passwordHash = await this.passwords.hash(input.password);
    const created = await this.users.transaction(async (manager) => {
      const account = await this.users.insertAccount(
        {
          role: 'dealer',
          username: input.username,
          displayName: input.displayName.trim(),
          passwordHash,
          organizationId: caller.organizationId,
          pendingActivationBy: null,
          orgAdmin: input.orgAdmin === true,
        },
        manager,
      );
      if (!account)
        throw new DomainError(ErrorCode.USERNAME_IN_USE, 'This username is taken', {
          fields: { username: ErrorCode.USERNAME_IN_USE },
        });
      await this.audit.record(
        {
          action: 'dealer.user_created',
          result: 'success',
          objectType: 'user',
          objectId: account.id,
          detail: { organizationId: caller.organizationId, orgAdmin: account.orgAdmin },
        },
        manager,
      );
      return account;
    });
    return dealerUserView(created);
  }
}
