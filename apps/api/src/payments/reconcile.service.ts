import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, type ReconcileLineError, type ReconcileSummary } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { ApplicationStateService } from '../applications/application-state.service';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { batchNotFound } from './payments.service';
import { PaymentsRepository, type LineRow } from './payments.repository';
import { invalid, readResultFile, type ResultRow } from './result-file';

/** What the payee is told when the bank could not pay (SMS and in-app). */
const failedText = (code: string, reason: string) =>
  `【章丘换新】您的申请${code}补贴发放失败（${reason}）。请登录平台核对并更新收款银行账户，更新后将在下一批次重新发放，无需重新审核。`;

/**
 * Reconciliation of a released batch from the bank's result file (operations.md §8). The whole file
 * is checked first — columns, rows, and every row against the batch as it stands under the batch's
 * lock — and only then applied, in the same transaction: any problem answers 4xx with every bad
 * row and changes nothing. A line already settled as the file says is `unchanged` (the same file
 * twice changes nothing). A line id the portal never issued is a bad row (`UNKNOWN_LINE`), not
 * guessed at and not skipped: a file that names one is the wrong file or an edited one, and paying
 * the rest of it would settle money on a file nobody can vouch for (issue 12, "Bad input"). So the
 * contract's `unknownLines` of a 200 is always empty; the 422 lists them row by row.
 *
 * paid → the line is paid and the claim moves approved → paid through the one state writer (money
 * committed → paid on the ledger); failed → the claim stays approved (its money committed) and the
 * payee is told why and asked to update the bank account; the next batch takes the claim again,
 * without a new review, once the account differs.
 */
@Injectable()
export class ReconcileService {
  constructor(
    private readonly batches: PaymentsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly state: ApplicationStateService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async reconcile(userId: string, batchId: string, content: Buffer): Promise<ReconcileSummary> {
    const rows = readResultFile(content);
    const at = this.clock.now();
    return this.batches.transaction(async (manager) => {
      const batch = await this.batches.lockBatch(manager, batchId);
      if (!batch) throw batchNotFound();
      if (batch.status !== 'released')
        throw new DomainError(ErrorCode.BATCH_NOT_RELEASED, 'Only a released batch can be reconciled');
      const lines = new Map(
        (await this.batches.lines(batchId, manager, true)).map((line) => [line.id, line]),
      );
      const elsewhere = await this.batches.batchesOfLines(
        manager,
        rows.filter((row) => !lines.has(row.lineId)).map((row) => row.lineId),
      );
      const { apply, unchanged } = this.check(rows, lines, elsewhere);

      let paid = 0;
      let failed = 0;
      for (const { row, line } of apply) {
        if (row.result === 'paid') {
          await this.pay(manager, line, row, userId, at);
          paid += 1;
        } else {
          await this.fail(manager, line, row, at);
          failed += 1;
        }
      }
      await this.batches.collectNetted(
        manager,
        apply.filter(({ row }) => row.result === 'paid').map(({ line }) => line.id),
      );
      // The contract's `unknownLines`: always empty, an unknown line refuses the file (above).
      const summary: ReconcileSummary = { paid, failed, unchanged, unknownLines: [] };
      await this.audit.record(
        {
          action: 'payments.batch.reconciled',
          result: 'success',
          objectType: 'payment_batch',
          objectId: batchId,
          detail: {
            ...summary,
            rows: rows.length,
            sha256: createHash('sha256').update(content).digest('hex'),
          },
        },
        manager,
      );
      return summary;
    });
  }

  /** Every row against the batch; throws with every bad row, or says what to apply. */
  private check(
    rows: readonly ResultRow[],
    lines: ReadonlyMap<string, LineRow>,
    elsewhere: ReadonlyMap<string, string>,
  ): { apply: { row: ResultRow; line: LineRow }[]; unchanged: number } {
    const errors: ReconcileLineError[] = [];
    const apply: { row: ResultRow; line: LineRow }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const problem = (field: string, code: string) =>
        errors.push({ line: row.line, lineId: row.lineId, field, code });
      const line = lines.get(row.lineId);
      if (!line) {
        problem('lineId', elsewhere.has(row.lineId) ? 'LINE_OF_OTHER_BATCH' : 'UNKNOWN_LINE');
        continue;
      }
      if (row.amountFen !== null && row.amountFen !== line.amountFen) {
        problem('amount', 'AMOUNT_MISMATCH');
        continue;
      }
      if (line.status === 'pending') apply.push({ row, line });
      else if (line.status === row.result) unchanged += 1;
      // A paid line reported failed (or the reverse) would undo a payment or pay twice.
      else problem('result', line.status === 'paid' ? 'ALREADY_PAID' : 'ALREADY_FAILED');
    }
    if (errors.length > 0) throw invalid(errors);
    return { apply, unchanged };
  }

  private async pay(
    manager: EntityManager,
    line: LineRow,
    row: ResultRow,
    userId: string,
    at: Date,
  ): Promise<void> {
    if (
      !(await this.batches.settleLine(manager, line.id, {
        status: 'paid',
        reason: null,
        bankRef: row.bankRef,
        at,
      }))
    )
      throw new DomainError(ErrorCode.WRONG_STATE, 'The line changed meanwhile; import the file again');
    const application = await this.applications.lockById(manager, line.applicationId);
    if (!application) throw new Error(`line ${line.id} has no claim`);
    await this.state.move(manager, application, {
      to: 'paid',
      actorId: userId,
      note: `paid by the bank (${line.id}, ${row.bankRef})`,
    });
    await this.audit.record(
      {
        action: 'payments.line.paid',
        result: 'success',
        objectType: 'application',
        objectId: line.applicationId,
        detail: {
          lineId: line.id,
          batchId: line.batchId,
          code: line.applicationCode,
          amountFen: line.amountFen,
          bankRef: row.bankRef,
        },
      },
      manager,
    );
  }

  private async fail(manager: EntityManager, line: LineRow, row: ResultRow, at: Date): Promise<void> {
    if (
      !(await this.batches.settleLine(manager, line.id, {
        status: 'failed',
        reason: row.reason,
        bankRef: row.bankRef,
        at,
      }))
    )
      throw new DomainError(ErrorCode.WRONG_STATE, 'The line changed meanwhile; import the file again');
    await this.audit.record(
      {
        action: 'payments.line.failed',
        result: 'success',
        objectType: 'application',
        objectId: line.applicationId,
        detail: { lineId: line.id, batchId: line.batchId, code: line.applicationCode, reason: row.reason },
      },
      manager,
    );
    // Residents are told in-app and by SMS; a dealer payee's notice comes with the dealers' portal.
    if (line.payeeKind === 'resident' && line.payeeUserId)
      await this.batches.queuePayeeNotice(manager, {
        userId: line.payeeUserId,
        eventKey: `payment-failed-${line.id}`,
        kind: 'payment_failed',
        params: { applicationId: line.applicationId, code: line.applicationCode, reason: row.reason },
        text: failedText(line.applicationCode, row.reason ?? ''),
      });
  }
}
