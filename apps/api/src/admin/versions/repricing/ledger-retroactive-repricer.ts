import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, fenToYuanString, type ProgramDefinition } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../audit/audit.service';
import { BudgetRepository } from '../../../budget/budget.repository';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ClaimReevaluation, MOVABLE_STATUSES, type ClaimRow } from '../what-if/claim-reevaluation';
import { retroactiveOutcome } from '../what-if/what-if.service';
import { RepricingRepository, type RepriceNotice, type RepricedClaim } from './repricing.repository';
import { RetroactiveRepricer } from './retroactive-repricer';

/**
 * The retroactive re-pricing (operations.md §10, programs.md "Rules across programs"), run by the
 * publish inside its transaction. Every claim whose money can still move — submitted, checking,
 * in review, returned (reserved) or approved (committed), and not in a released batch — is locked
 * page by page and re-evaluated under the new version (ClaimReevaluation: the claims' own
 * evaluator, at the date each was submitted). Then, per claim (the decision is
 * `retroactiveOutcome`, shared with the what-if, so the what-if's `retroactive` figures are what
 * this moves):
 *
 * - the new version pays MORE: the claim gets the new amount, version and evaluation, a timeline
 *   entry (old → new amount, version, 文号), an `application_reprice` row, an audit row, the
 *   resident's notice (in-app and SMS), and the difference on the ledger (reserve, and commit for an
 *   approved claim). An approved claim whose line is in a DRAFT batch has the line and the batch
 *   total raised with it: the batch is not signed off yet, and the bank must pay what the ledger
 *   settles. A line in a released batch is never changed — its claim is not re-priced at all;
 * - the new version pays LESS, or the claim is not eligible under it: the claim keeps its amount
 *   and its version (a retroactive raise must not take money away from a filed claim) and its
 *   timeline says so; nothing moves and the resident is not messaged (nothing changed for them);
 * - the same amount: nothing at all.
 *
 * The budget is the LAST statement (BudgetRepository.topUpMany: one guarded UPDATE and every
 * ledger row): if what remains cannot cover the sum of the raises, BUDGET_SHORTFALL with
 * `shortfallFen` is thrown and the publish's transaction — every claim write above with it — rolls
 * back, so nothing changes.
 */
@Injectable()
export class LedgerRetroactiveRepricer extends RetroactiveRepricer {
  constructor(
    private readonly reevaluation: ClaimReevaluation,
    private readonly repricing: RepricingRepository,
    private readonly budgets: BudgetRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async reprice(
    manager: EntityManager,
    input: { programId: string; versionId: string; actorId: string },
  ): Promise<{ changed: number; deltaFen: number }> {
    const version = await this.repricing.version(manager, input.versionId);
    if (version.programId !== input.programId)
      throw new Error(`version ${input.versionId} is not a version of program ${input.programId}`);
    // The program's row, locked until COMMIT (the publish took it already; taken again here so the
    // re-pricing never runs without it): a payment batch build of the program takes it FOR SHARE
    // (PaymentsRepository.candidates), so no batch can be built from amounts read before this
    // transaction re-priced them.
    await this.repricing.lockProgram(manager, input.programId);
    const at = this.clock.now();
    const moves: { subjectId: string; amountFen: number; committed: boolean }[] = [];
    let changed = 0;
    let after: string | null = null;
    const definitions = new Map<string, ProgramDefinition>();
    for (;;) {
      const page = await this.reevaluation.page(manager, input.programId, after, {
        movableOnly: true,
        lock: true,
      });
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      const claims = page.filter(
        (claim) =>
          MOVABLE_STATUSES.includes(claim.status) && !claim.frozen && claim.programVersionId !== version.id,
      );
      const outcomes = await this.reevaluation.reevaluate(manager, claims, version.definition, definitions, {
        withBefore: false,
      });
      const numbers = await this.repricing.versionNumbers(manager, [
        ...new Set(claims.map((claim) => claim.programVersionId)),
      ]);
      const written: RepricedClaim[] = [];
      const notices: RepriceNotice[] = [];
      const lines: { lineId: string; deltaFen: number }[] = [];
      for (const { claim, after: offered, afterEvaluation } of outcomes) {
        const decision = retroactiveOutcome(claim.reservedFen, offered);
        if (!decision) continue;
        const from = { fen: claim.reservedFen, version: numbers.get(claim.programVersionId) ?? 0 };
        const to = { version: version.version, documentNo: version.documentNo };
        const eventId = randomUUID();
        if (decision.outcome === 'raised') {
          const deltaFen = decision.toFen - claim.reservedFen;
          written.push({
            ...common(claim, eventId),
            offeredFen: decision.toFen,
            toFen: decision.toFen,
            outcome: 'raised',
            evaluation: afterEvaluation,
            note: raisedNote(from, decision.toFen, to),
          });
          notices.push(notice(claim, eventId, from.fen, decision.toFen, to));
          moves.push({ subjectId: claim.id, amountFen: deltaFen, committed: claim.status === 'approved' });
          if (claim.draftLineId) lines.push({ lineId: claim.draftLineId, deltaFen });
        } else {
          written.push({
            ...common(claim, eventId),
            offeredFen: decision.offeredFen,
            toFen: claim.reservedFen,
            outcome: 'kept',
            evaluation: afterEvaluation,
            note: keptNote(from, decision.offeredFen, to),
          });
        }
      }
      changed += await this.repricing.write(manager, written, {
        toVersionId: version.id,
        actorId: input.actorId,
        at,
      });
      await this.repricing.repriceDraftLines(manager, lines);
      await this.repricing.notify(manager, notices);
      await this.audit.recordMany(
        written.map((claim) => ({
          action: 'application.repriced',
          result: 'success' as const,
          objectType: 'application',
          objectId: claim.applicationId,
          detail: {
            outcome: claim.outcome,
            fromFen: claim.fromFen,
            offeredFen: claim.offeredFen,
            toFen: claim.toFen,
            fromVersionId: claim.fromVersionId,
            toVersionId: version.id,
          },
        })),
        manager,
      );
    }
    const deltaFen = moves.reduce((sum, move) => sum + move.amountFen, 0);
    const note = `retroactive v${version.version}${version.documentNo ? ` ${version.documentNo}` : ''}`;
    if (!(await this.budgets.topUpMany(manager, input.programId, moves, note))) {
      const remaining = await this.budgets.remainingIn(manager, input.programId);
      throw new DomainError(
        ErrorCode.BUDGET_SHORTFALL,
        `The retroactive top-ups need ${deltaFen} fen; ${remaining} fen remain`,
        { extra: { shortfallFen: deltaFen - remaining, requiredFen: deltaFen, remainingFen: remaining } },
      );
    }
    return { changed, deltaFen };
  }
}

function common(claim: ClaimRow, eventId: string) {
  return {
    applicationId: claim.id,
    status: claim.status,
    fromVersionId: claim.programVersionId,
    fromFen: claim.reservedFen,
    eventId,
    draftLineId: claim.draftLineId,
  };
}

type VersionRef = { version: number; documentNo: string | null };

const yuan = (fen: number) => `${fenToYuanString(fen)} 元`;
const versionName = (to: VersionRef) => `第 ${to.version} 版${to.documentNo ? `（${to.documentNo}）` : ''}`;

/** The timeline's words for a raise (the resident reads them): amounts, versions, 文号. */
function raisedNote(from: { fen: number; version: number }, toFen: number, to: VersionRef): string {
  return `政策追溯调整：按${versionName(to)}重新核定，补贴由 ${yuan(from.fen)}（第 ${from.version} 版）调整为 ${yuan(toFen)}`;
}

/** …and for a claim kept at its amount (the new version pays less, or it is not eligible under it). */
function keptNote(from: { fen: number; version: number }, offeredFen: number | null, to: VersionRef): string {
  const offered = offeredFen === null ? '不符合新版条件' : `核定为 ${yuan(offeredFen)}`;
  return `政策追溯调整：按${versionName(to)}${offered}，低于原核定；追溯调整不减少已申报的补贴，保留第 ${from.version} 版核定的 ${yuan(from.fen)}`;
}

function notice(
  claim: ClaimRow,
  eventId: string,
  fromFen: number,
  toFen: number,
  to: VersionRef,
): RepriceNotice {
  return {
    id: randomUUID(),
    userId: claim.applicantId,
    eventKey: `repriced-${eventId}`,
    // The status notice's params (the web links the notice to the claim) plus the amounts.
    params: {
      applicationId: claim.id,
      code: claim.code,
      status: claim.status,
      fromFen,
      toFen,
      version: to.version,
    },
    textZh: `【章丘换新】您的申请${claim.code}按新政策${to.documentNo ? `（${to.documentNo}）` : ''}追溯调整，补贴由${fenToYuanString(fromFen)}元调整为${fenToYuanString(toFen)}元。详情请登录平台查看。`,
  };
}
