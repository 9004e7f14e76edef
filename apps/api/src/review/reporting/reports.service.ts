import { PassThrough, type Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import {
  APPLICATION_STATUS_ZH,
  APPLICATION_STATUSES,
  ErrorCode,
  maskBankCard,
  maskIdNumber,
  maskName,
  maskPhone,
  REVIEW_STAGES,
  type ApplicationStatus,
  type ReviewProgramStats,
  type ReviewStage,
  type ReviewStats,
  slaState,
} from '@huanxin/shared';
import ExcelJS from 'exceljs';
import { safeRow } from '../../common/export/spreadsheet-safe';
import { AuditService } from '../../audit/audit.service';
import { Clock, shanghaiDate } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { DomainError } from '../../common/errors/domain-error';
import { ProgramsCache } from '../../programs/programs.cache';
import { ProgramsRepository } from '../../programs/programs.repository';
import { reviewDaysOf } from '../sla/sla-digest.service';
import { slaBoundaries, SlaRepository } from '../sla/sla.repository';
import { StatsRepository } from '../../stats/stats.repository';
import { ReportsRepository } from './reports.repository';

const EXPORT_PAGE = 500;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns of the export (Chinese first, the English name below in the header comment). */
const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '申请编号', key: 'code', width: 20 },
  { header: '项目', key: 'program', width: 22 },
  { header: '状态', key: 'status', width: 10 },
  { header: '状态代码', key: 'statusCode', width: 12 },
  { header: '审核阶段', key: 'stage', width: 16 },
  { header: '申请人', key: 'name', width: 10 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '手机号', key: 'phone', width: 14 },
  { header: '银行卡号', key: 'bankCard', width: 22 },
  { header: '金额（分）', key: 'amountFen', width: 12 },
  { header: '风险分', key: 'riskScore', width: 8 },
  { header: '风险标记', key: 'flags', width: 40 },
  { header: '提交时间', key: 'submittedAt', width: 26 },
  { header: '完整时间（审核起算）', key: 'completeAt', width: 26 },
  { header: '时限状态', key: 'sla', width: 10 },
];

/**
 * The review console's reports: per-program stats (budget figures from the programs cache, claims
 * by status and stage, SLA states of the claims in review) and the `.xlsx` export with every
 * identifier masked (the full values only through the audited reveal).
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly figures: StatsRepository,
    private readonly sla: SlaRepository,
    private readonly programs: ProgramsRepository,
    private readonly cache: ProgramsCache,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async stats(): Promise<ReviewStats> {
    const now = this.clock.now();
    const snapshot = await this.cache.snapshot();
    const counts = await this.figures.claimCounts();
    const sla = await this.sla.counts(
      snapshot.programs.map((p) => slaBoundaries(p.id, reviewDaysOf(p.definition), now)),
    );
    const programs: ReviewProgramStats[] = snapshot.programs.map((program) => {
      const byStatus = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
        ApplicationStatus,
        number
      >;
      const byStage = Object.fromEntries(REVIEW_STAGES.map((s) => [s, 0])) as Record<ReviewStage, number>;
      for (const row of counts) {
        if (row.programId !== program.id) continue;
        byStatus[row.status as ApplicationStatus] += row.count;
        if (row.status === 'in_review' && row.stage) byStage[row.stage as ReviewStage] += row.count;
      }
      const budget = snapshot.budgets.get(program.id) ?? {
        totalFen: 0,
        reservedFen: 0,
        committedFen: 0,
        paidFen: 0,
        remainingFen: 0,
      };
      return {
        programCode: program.code,
        title: program.definition.title,
        reviewDays: reviewDaysOf(program.definition),
        budget,
        byStatus,
        byStage,
        sla: sla.get(program.id) ?? { ok: 0, warning: 0, overdue: 0 },
      };
    });
    return { generatedAt: now.toISOString(), programs };
  }

  /**
   * The export as a stream of `.xlsx` bytes: exceljs's streaming writer, fed a page of claims at a
   * time, so memory stays flat however many claims there are. Names, ID numbers, phones and cards
   * are decrypted only to be masked. The filters are checked (404 for an unknown program) before
   * anything is sent, and the export is audited with them.
   */
  async export(filter: {
    program?: string;
    status?: string;
  }): Promise<{ filename: string; stream: Readable }> {
    let programId: string | null = null;
    const reviewDays = new Map<string, number>();
    if (filter.program) {
      const program = await this.programs.findCurrentByCode(filter.program);
      if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${filter.program}`);
      programId = program.id;
    }
    for (const program of await this.programs.listCurrent())
      reviewDays.set(program.id, reviewDaysOf(program.definition));
    const now = this.clock.now();
    await this.audit.record({
      action: 'review.export',
      result: 'success',
      detail: { program: filter.program ?? null, status: filter.status ?? null },
    });
    const filename = `review-export-${filter.program ?? 'all'}-${filter.status ?? 'all'}-${shanghaiDate(now)}.xlsx`;
    const stream = new PassThrough();
    void this.write(stream, { programId, status: filter.status ?? null }, reviewDays, now).catch(
      (error: Error) => {
        this.logger.error({ err: error }, 'review export failed while streaming');
        stream.destroy(error);
      },
    );
    return { filename, stream };
  }

  private async write(
    stream: PassThrough,
    filter: { programId: string | null; status: string | null },
    reviewDays: ReadonlyMap<string, number>,
    now: Date,
  ): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('claims');
    sheet.columns = COLUMNS;
    let after = '';
    for (;;) {
      const page = await this.reports.exportPage(filter, after, EXPORT_PAGE);
      for (const row of page) {
        const days = reviewDays.get(row.programId) ?? 15;
        sheet
          .addRow(
            safeRow({
              code: row.code,
              program: row.programCode,
              status: APPLICATION_STATUS_ZH[row.status],
              statusCode: row.status,
              stage: row.stage ?? '',
              name: row.nameEnc ? maskName(this.cipher.decrypt(row.nameEnc, 'profile.name')) : '',
              idNumber: row.idNumberEnc
                ? maskIdNumber(this.cipher.decrypt(row.idNumberEnc, 'profile.id_number'))
                : '',
              phone: row.phoneEnc ? maskPhone(this.cipher.decrypt(row.phoneEnc, 'user.phone')) : '',
              bankCard: row.bankAccountEnc
                ? maskBankCard(this.cipher.decrypt(row.bankAccountEnc, 'profile.bank_account'))
                : '',
              amountFen: row.amountFen,
              riskScore: row.riskScore,
              flags: row.flags ?? '',
              submittedAt: row.submittedAt?.toISOString() ?? '',
              completeAt: row.completeAt?.toISOString() ?? '',
              sla: row.status === 'in_review' && row.completeAt ? slaState(row.completeAt, days, now) : '',
            }),
          )
          .commit();
      }
      if (page.length < EXPORT_PAGE) break;
      after = page[page.length - 1]!.code;
    }
    sheet.commit();
    await workbook.commit();
  }
}
