import { Injectable } from '@nestjs/common';
import {
  canChangeOrganizationStatus,
  ErrorCode,
  type OrganizationDetailView,
  type OrganizationStatus,
  type OrganizationView,
} from '@huanxin/shared';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import type { ChangeOrganizationStatusDto } from './dealers.dto';
import { organizationView } from './organization-view';
import { OrganizationsRepository } from './organizations.repository';

const notFound = () => new DomainError(ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organisation');

/** The commerce office's side: registrations to review and each organisation's lifecycle. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(status?: OrganizationStatus): Promise<OrganizationView[]> {
    return (await this.organizations.list(status)).map((o) => organizationView(o, this.cipher));
  }

  async detail(id: string): Promise<OrganizationDetailView> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound();
    const history = await this.organizations.history(id);
    return {
      ...organizationView(organization, this.cipher),
      history: history.map((event) => ({
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        reason: event.reason,
        actorId: event.actorId,
        at: event.createdAt.toISOString(),
      })),
    };
  }

  /**
   * One lifecycle step under the row lock: concurrent changes are ordered, and the second sees the
   * first's status (two approvals of one registration: one 200, one 409). Audited in the same
   * transaction, with the reason.
   */
  async changeStatus(
    id: string,
    input: ChangeOrganizationStatusDto,
    actor: AuthUser,
  ): Promise<OrganizationView> {
    const now = this.clock.now();
    const reason = input.reason.trim();
    const changed = await this.organizations.transaction(async (manager) => {
      const organization = await this.organizations.lock(id, manager);
      if (!organization) throw notFound();
      const from = organization.status;
      if (!canChangeOrganizationStatus(from, input.status))
        throw new DomainError(
          ErrorCode.ILLEGAL_STATUS_CHANGE,
          `An organisation cannot go from ${from} to ${input.status}`,
          {
            extra: { from, to: input.status },
          },
        );
      await this.organizations.setStatus(id, { status: input.status, reason, at: now }, manager);
      await this.organizations.insertStatusEvent(
        {
          organizationId: id,
          fromStatus: from,
          toStatus: input.status,
          reason,
          actorId: actor.id,
          createdAt: now,
        },
        manager,
      );
      await this.audit.record(
        {
          action: 'organization.status_changed',
          result: 'success',
          objectType: 'organization',
          objectId: id,
          detail: { from, to: input.status, reason },
        },
        manager,
      );
      return (await this.organizations.findById(id, manager))!;
    });
    return organizationView(changed, this.cipher);
  }
}
