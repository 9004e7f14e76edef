import { Injectable } from '@nestjs/common';
import {
  can,
  ErrorCode,
  FieldErrorCode,
  HIGH_RISK_SCORE,
  Permission,
  reviewReason,
  type ProgramDefinition,
  type ReviewDecisionRequest,
  type ReviewDecisionResult,
  type ReviewReason,
  type ReviewStage,
} from '@huanxin/shared';
import { applicationNotFound } from '../applications/application-errors';
import { ApplicationStateService } from '../applications/application-state.service';
import type { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { fingerprint, once, type StoredResponse } from '../applications/idempotency';
import { IdempotencyRepository } from '../applications/idempotency.repository';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import { maskText } from '../common/logging/redact';
import { ProgramsRepository } from '../programs/programs.repository';
import { MatrixRegistry } from './matrix/matrix.registry';
import { ReviewQueueService } from './review-queue.service';
import { ReviewRepository } from './review.repository';

/** The fields a return may name: the program's fact paths and `document:<kind>` of its documents. */
export function returnableFields(definition: ProgramDefinition): Map<string, string> {
  return new Map([
    ...definition.factFields.map((f) => [f.path, f.label.zh] as const),
    ...definition.documents.map((d) => [`document:${d.kind}`, d.title.zh] as const),
  ]);
}

/**
 * Review decisions (operations.md §7, api-contract.md Review): approve, reject, return — each once
 * per `Idempotency-Key`, in one transaction that locks the claim, so two approvers at once cause
 * one effect (the second finds the claim moved on). A decision needs the caller's own lease on an
 * `in_review` claim. Approvals at or above the program's `twoPersonThresholdFen`, with `override`
 * (over a matrix conflict) or at a high risk score go to `second_approval`; a different user with
 * role `approver` finishes them, which commits the money. Reject releases it; return keeps it and
 * tells the resident what to fix. The money moves only through ApplicationStateService.
 */
@Injectable()
export class ReviewDecisionService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly applications: ApplicationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly state: ApplicationStateService,
    private readonly matrix: MatrixRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly queue: ReviewQueueService,
  ) {}

  async decide(
    user: AuthUser,
    id: string,
    idempotencyKey: string,
    body: ReviewDecisionRequest,
  ): Promise<StoredResponse> {
    const owner = {
      userId: user.id,
      scope: `review-decision:${id}`,
      key: idempotencyKey,
      requestHash: fingerprint({ id, body }),
    };
    // The matrix is read before the transaction (its sources read through their own connections;
    // holding one while waiting for another can exhaust the pool). Facts cannot change while the
    // claim is in review; the transaction checks they are still the ones judged.
    const conflicts = body.decision === 'approve' ? await this.conflicts(id) : null;
    const stored = await this.reviews.transaction((manager) =>
      once(this.idempotency, manager, owner, async () => {
        const application = await this.applications.lockById(manager, id);
        if (!application || application.status === 'draft') throw applicationNotFound();
        if (application.status !== 'in_review')
          throw new DomainError(
            ErrorCode.WRONG_STATE,
            `A claim that is ${application.status} cannot be decided`,
          );
        const now = this.clock.now();
        if (!(await this.reviews.holdsLease(manager, id, user.id, now)))
          throw new DomainError(
            ErrorCode.CASE_NOT_HELD,
            'Take the case before deciding it (your lease is missing or expired)',
          );
        const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
        const stage: ReviewStage = application.stage ?? 'review';
        const reason = this.checkRequest(body, definition);
        if (stage === 'second_approval') await this.checkSecondApprover(manager, user, id);
        // An approval is judged on the matrix read before the transaction: if the claim was not in
        // review then, or its facts differ now, it changed meanwhile.
        if (
          body.decision === 'approve' &&
          (!conflicts || JSON.stringify(conflicts.facts) !== JSON.stringify(application.facts))
        )
          throw new DomainError(ErrorCode.WRONG_STATE, 'The claim changed meanwhile; reload it');

        const note = body.note ? maskText(body.note) : null;
        const decision = {
          applicationId: id,
          decidedBy: user.id,
          decision: body.decision,
          stage,
          reasonCode: reason?.code ?? null,
          fields: body.decision === 'return' ? [...new Set(body.fields)] : [],
          note,
          override: body.override === true,
          at: now,
        };
        let result: ReviewDecisionResult;
        if (body.decision === 'approve') {
          const fourEyes =
            stage === 'review' &&
            this.needsSecondApproval(application, definition, body, conflicts?.fields ?? []);
          await this.reviews.insertDecision(manager, decision);
          if (fourEyes) {
            if (!(await this.reviews.setStage(manager, id, 'review', 'second_approval', now)))
              throw new DomainError(ErrorCode.WRONG_STATE, 'The claim changed meanwhile; reload it');
            await this.state.note(manager, application, {
              note: '初审通过，待复核（双人审批）',
              actorId: user.id,
            });
            result = { status: 'in_review', stage: 'second_approval' };
          } else {
            await this.state.move(manager, application, {
              to: 'approved',
              note: '审核通过',
              actorId: user.id,
            });
            result = { status: 'approved', stage: null };
          }
        } else {
          await this.reviews.insertDecision(manager, decision);
          const to = body.decision === 'reject' ? 'rejected' : 'returned';
          await this.state.move(manager, application, {
            to,
            note: this.residentNote(body, reason!, definition, note),
            actorId: user.id,
          });
          result = { status: to, stage: null };
        }
        await this.reviews.endLease(manager, id);
        await this.audit.record(
          {
            action: 'review.decision',
            result: 'success',
            objectType: 'application',
            objectId: id,
            detail: {
              code: application.code,
              decision: body.decision,
              stage,
              reasonCode: decision.reasonCode,
              fields: decision.fields,
              override: decision.override,
              outcome: result,
            },
          },
          manager,
        );
        return { status: 200, body: { ...result } };
      }),
    );
    // The claim left the queue or changed stage: this process's kept queue totals are counted anew.
    this.queue.forgetTotals();
    return stored;
  }

  /** The matrix's conflicting fields of the claim as it is now, and the facts they were judged on. */
  private async conflicts(id: string): Promise<{ fields: string[]; facts: Record<string, unknown> } | null> {
    const application = await this.reviews.findApplication(id);
    if (!application || application.status !== 'in_review') return null;
    const definition = await this.programs.definitionByVersionId(application.programVersionId);
    const rows = await this.matrix.build({ application, definition });
    return {
      fields: rows.filter((row) => row.result === 'conflict').map((row) => row.field),
      facts: application.facts,
    };
  }

  /** Reason, fields, note and override as the decision kind needs them; 422 with `fields` otherwise. */
  private checkRequest(body: ReviewDecisionRequest, definition: ProgramDefinition): ReviewReason | null {
    const fields: Record<string, string> = {};
    let reason: ReviewReason | null = null;
    if (body.decision === 'approve') {
      if (body.reasonCode !== undefined) fields.reasonCode = FieldErrorCode.UNKNOWN_FIELD;
      if (body.fields !== undefined) fields.fields = FieldErrorCode.UNKNOWN_FIELD;
      if (body.override && !body.note?.trim()) fields.note = FieldErrorCode.REQUIRED;
    } else {
      if (body.override === true) fields.override = FieldErrorCode.UNKNOWN_FIELD;
      if (!body.reasonCode) fields.reasonCode = FieldErrorCode.REQUIRED;
      else {
        const found = reviewReason(body.reasonCode);
        if (!found || found.kind !== body.decision) fields.reasonCode = FieldErrorCode.NOT_IN_OPTIONS;
        else reason = found;
      }
      if (body.decision === 'reject' && body.fields !== undefined)
        fields.fields = FieldErrorCode.UNKNOWN_FIELD;
      if (body.decision === 'return') {
        if (!body.fields?.length) fields.fields = FieldErrorCode.REQUIRED;
        else {
          const allowed = returnableFields(definition);
          body.fields.forEach((field, i) => {
            if (!allowed.has(field)) fields[`fields.${i}`] = FieldErrorCode.NOT_IN_OPTIONS;
          });
        }
      }
    }
    if (Object.keys(fields).length)
      throw validationFailed(fields, 'The decision is incomplete or names unknown values');
    return reason;
  }

  /**
   * Four eyes: at or above the threshold, over a conflict (which needs `override` and a note) or at
   * a high risk score, a first approval only moves the claim to `second_approval`.
   */
  private needsSecondApproval(
    application: ApplicationEntity,
    definition: ProgramDefinition,
    body: ReviewDecisionRequest,
    conflicts: string[],
  ): boolean {
    if (conflicts.length && !(body.override && body.note?.trim())) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'The field matrix has conflicts: approve with override and a note',
        {
          fields: {
            override: FieldErrorCode.REQUIRED,
            ...(body.note?.trim() ? {} : { note: FieldErrorCode.REQUIRED }),
          },
          extra: { conflicts },
        },
      );
    }
    return (
      application.reservedFen >= definition.settings.twoPersonThresholdFen ||
      body.override === true ||
      application.riskScore >= HIGH_RISK_SCORE
    );
  }

  /** Nobody approves their own first decision; the second one needs the role `approver`. */
  private async checkSecondApprover(
    manager: Parameters<ReviewRepository['firstApprover']>[0],
    user: AuthUser,
    id: string,
  ): Promise<void> {
    if ((await this.reviews.firstApprover(manager, id)) === user.id)
      throw new DomainError(ErrorCode.SELF_APPROVAL, 'The second approval must be made by someone else');
    if (!can(user.role, Permission.ReviewApproveHighValue))
      throw new DomainError(ErrorCode.APPROVER_REQUIRED, 'The second approval needs the role approver');
  }

  /** What the resident reads on the timeline and in the SMS: the reason and, for a return, what to fix. */
  private residentNote(
    body: ReviewDecisionRequest,
    reason: ReviewReason,
    definition: ProgramDefinition,
    note: string | null,
  ): string {
    const extra = note ? `。说明：${note}` : '';
    if (body.decision === 'reject') return `未通过：${reason.title.zh}${extra}`;
    const labels = returnableFields(definition);
    const what = [...new Set(body.fields)].map((field) => labels.get(field) ?? field).join('、');
    return `退回补正：${reason.title.zh}。请修改：${what}${extra}`;
  }
}
