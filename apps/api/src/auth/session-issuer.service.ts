import { Injectable } from '@nestjs/common';
import { maskPhone, type PublicUser, type Role } from '@huanxin/shared';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { AuthUser } from '../common/http/request-context';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { SessionService } from './session.service';

/** A finished sign-in: the public user for the answer, the session id for the cookie. */
export interface SignedIn {
  user: PublicUser;
  sessionId: string;
}

/** The end of every sign-in: a new session (no fixation), its audit row, and the public user. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
  ) {}

  /** A new session id at every sign-in; the previous session, if any, ends. */
  async issue(user: UserEntity, previousSessionId: string | undefined, method: string): Promise<SignedIn> {
    if (previousSessionId) await this.sessions.destroy(previousSessionId);
    const sessionUser = {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      organizationId: user.organizationId,
    };
    const sessionId = await this.sessions.create(sessionUser);
    await this.audit.record({
      action: 'auth.login',
      result: 'success',
      actor: { id: user.id, role: user.role },
      objectType: 'user',
      objectId: user.id,
      detail: { method },
    });
    return { user: await this.publicUser(sessionUser), sessionId };
  }

  /** A refused sign-in step (the caller throws its error). */
  recordFailure(entry: Omit<AuditEntry, 'result'>): Promise<void> {
    return this.audit.record({ ...entry, result: 'failure' });
  }

  async signOut(user: AuthUser): Promise<void> {
    await this.sessions.destroy(user.sessionId);
    await this.audit.record({ action: 'auth.logout', result: 'success' });
  }

  async publicUser(user: {
    id: string;
    role: Role;
    displayName: string;
    organizationId: string | null;
  }): Promise<PublicUser> {
    const base: PublicUser = { id: user.id, role: user.role, displayName: user.displayName };
    if (user.organizationId) base.organizationId = user.organizationId;
    if (user.role === 'resident') {
      const entity = await this.users.findById(user.id);
      if (entity?.phoneEnc) base.phoneMasked = maskPhone(this.cipher.decrypt(entity.phoneEnc, 'user.phone'));
    }
    return base;
  }
}
