import { Injectable } from '@nestjs/common';
import { EDITABLE_STATUSES, ErrorCode, type SubmitApplicationResult } from '@huanxin/shared';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import { requestContext } from '../common/http/request-context';
import { applicationNotFound } from './application-errors';
import { ApplicationStateService } from './application-state.service';
import { ApplicationsRepository } from './applications.repository';
import { fingerprint, once, type StoredResponse } from './idempotency';
import { IdempotencyRepository } from './idempotency.repository';
import { SubmissionChecks } from './submission-checks';

/**
 * Submits (and resubmits) a resident's claim in one transaction: the idempotency record, the
 * claim row lock, the submission checks (window, profile and per-person lock, documents, claim
 * keys, rules with history), then the move to `submitted` — which reserves the amount through the
 * state service — and the outbox row of the submission's job (its automated checks, which also
 * notify the resident).
 *
 * Short transaction: the program's budget row is the one row every submit locks, so it is locked
 * LAST. Everything else is written first — the claim's submission record and status, its timeline
 * event, audit row, the outbox row and the stored idempotency answer — and the reservation (the
 * guarded budget UPDATE and its ledger row, one statement) is the last statement before COMMIT.
 * Round trips inside the transaction (START TRANSACTION … COMMIT) for a claim with two claim keys,
 * counted by test/short-transactions.int-spec.ts: 25 before, with the budget row locked across 9
 * of them (its UPDATE, the ledger INSERT, status, event, audit, two outbox rows, the idempotency
 * answer, COMMIT); now 16, with it locked across 2 (the reservation statement and COMMIT). The
 * other 7 saved: the profile read and the person lock in one statement, all claim keys' locks in
 * one and their holders + rows in another (was 3 per key), status + event + the submission's one
 * job (the check, which also sends the notice) in one.
 */
@Injectable()
export class SubmissionService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly checks: SubmissionChecks,
    private readonly state: ApplicationStateService,
    private readonly devices: PiiCipher,
  ) {}

  async submit(
    applicantId: string,
    id: string,
    idempotencyKey: string,
    body: unknown,
  ): Promise<StoredResponse> {
    const owner = {
      userId: applicantId,
      scope: `submit:${id}`,
      key: idempotencyKey,
      requestHash: fingerprint({ id, body }),
    };
    const pauses = await this.checks.pauses();
    return this.applications.transaction((manager) =>
      once(this.idempotency, manager, owner, async (store) => {
        const application = await this.applications.lockOwned(manager, id, applicantId);
        if (!application) throw applicationNotFound();
        if (!EDITABLE_STATUSES.includes(application.status)) {
          throw new DomainError(
            ErrorCode.WRONG_STATE,
            `An application that is ${application.status} cannot be submitted`,
          );
        }
        const { evaluation, idNumberBidx } = await this.checks.verify(manager, application, pauses);
        await this.applications.recordSubmission(manager, application.id, {
          evaluation,
          submitDevice: this.device(),
          idNumberBidx,
        });
        const response: StoredResponse = {
          status: 200,
          body: {
            id: application.id,
            status: 'submitted',
            reservedFen: evaluation.amountFen,
          } satisfies SubmitApplicationResult,
        };
        // The stored answer goes in before the budget statement (see above); the move queues the
        // submission's check job.
        await this.state.move(
          manager,
          application,
          { to: 'submitted', amountFen: evaluation.amountFen, actorId: applicantId },
          () => store(response),
        );
        return response;
      }),
    );
  }

  /** A keyed hash of the client address + User-Agent (no raw address or agent is kept). */
  private device(): string | null {
    const context = requestContext.get();
    return context ? this.devices.blindIndex(`${context.ip}|${context.userAgent ?? ''}`, 'device') : null;
  }
}
