import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  type ReviewSample,
  type ReviewSampleDetail,
  type ReviewSampleSummary,
  type SampleOutcomeResult,
} from '@huanxin/shared';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { DomainError, validationFailed } from '../../common/errors/domain-error';
import { ProgramsRepository } from '../../programs/programs.repository';
import { drawSample, newSeed } from './draw';
import type { CreateSampleDto, SampleOutcomeDto } from './sampling.dto';
import { SamplingRepository } from './sampling.repository';

/**
 * Post-approval audit samples (operations.md §7): a sample of a program's approved and paid claims,
 * uniform or weighted by risk, drawn from a recorded seed (same seed + same claims → same sample);
 * each sampled case gets one outcome, and a clawback opens a receivable against the payee.
 */
@Injectable()
export class SamplingService {
  constructor(
    private readonly samples: SamplingRepository,
    private readonly programs: ProgramsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, body: CreateSampleDto): Promise<ReviewSample> {
    const program = await this.programs.findCurrentByCode(body.programCode);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${body.programCode}`);
    const seed = body.seed ?? newSeed();
    return this.samples.transaction(async (manager) => {
      const population = await this.samples.population(manager, program.id);
      if (!population.length)
        throw new DomainError(ErrorCode.NOTHING_TO_SAMPLE, 'The program has no approved or paid claim yet');
      const drawn = drawSample(seed, population, body.size, body.riskWeighted);
      const id = await this.samples.insertSample(
        manager,
        {
          programId: program.id,
          seed,
          size: body.size,
          riskWeighted: body.riskWeighted,
          population: population.length,
          createdBy: userId,
        },
        drawn,
      );
      await this.audit.record(
        {
          action: 'review.sample.created',
          result: 'success',
          objectType: 'review_sample',
          objectId: id,
          detail: {
            programCode: program.code,
            seed,
            size: body.size,
            riskWeighted: body.riskWeighted,
            population: population.length,
            drawn: drawn.length,
          },
        },
        manager,
      );
      return { id, seed, items: drawn.map((applicationId) => ({ applicationId })) };
    });
  }

  async list(programCode: string | undefined): Promise<ReviewSampleSummary[]> {
    let programId: string | null = null;
    if (programCode) {
      const program = await this.programs.findCurrentByCode(programCode);
      if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${programCode}`);
      programId = program.id;
    }
    const rows = await this.samples.listSamples(programId, 100);
    return rows.map((row) => ({
      id: row.id,
      programCode: row.programCode,
      seed: row.seed,
      size: row.size,
      riskWeighted: row.riskWeighted,
      population: row.population,
      createdAt: row.createdAt.toISOString(),
      decided: row.decided,
      clawbacks: row.clawbacks,
    }));
  }

  async detail(id: string): Promise<ReviewSampleDetail> {
    const sample = await this.samples.findSample(id);
    if (!sample) throw new DomainError(ErrorCode.SAMPLE_NOT_FOUND, 'No such sample');
    const items = await this.samples.items(id);
    return {
      id: sample.id,
      programCode: sample.programCode,
      seed: sample.seed,
      size: sample.size,
      riskWeighted: sample.riskWeighted,
      population: sample.population,
      createdAt: sample.createdAt.toISOString(),
      createdBy: sample.createdBy,
      items: items.map((item) => ({
        applicationId: item.applicationId,
        code: item.code,
        status: item.status as ReviewSampleDetail['items'][number]['status'],
        amountFen: item.amountFen,
        riskScore: item.riskScore,
        outcome: item.outcome,
        note: item.note,
        decidedAt: item.decidedAt?.toISOString() ?? null,
        receivableId: item.receivableId,
      })),
    };
  }

  /**
   * Records a sampled case's outcome, once: the item is locked, so of two concurrent outcomes the
   * second finds it decided (409). A clawback opens the receivable for what the claim holds
   * (committed or paid) against its payee, in the same transaction, audited.
   */
  async recordOutcome(
    userId: string,
    sampleId: string,
    applicationId: string,
    body: SampleOutcomeDto,
  ): Promise<SampleOutcomeResult> {
    const note = body.note?.trim() ? body.note.trim() : null;
    if (body.outcome === 'clawback' && !note)
      throw validationFailed({ note: FieldErrorCode.REQUIRED }, 'A clawback needs its reason');
    return this.samples.transaction(async (manager) => {
      const item = await this.samples.lockItem(manager, sampleId, applicationId);
      if (!item) {
        const sample = await this.samples.findSample(sampleId);
        throw sample
          ? new DomainError(ErrorCode.SAMPLE_ITEM_NOT_FOUND, 'The application is not in this sample')
          : new DomainError(ErrorCode.SAMPLE_NOT_FOUND, 'No such sample');
      }
      if (item.outcome !== null)
        throw new DomainError(ErrorCode.SAMPLE_OUTCOME_RECORDED, `This case is already ${item.outcome}`);
      const recorded = await this.samples.recordOutcome(manager, item.id, {
        outcome: body.outcome,
        note,
        by: userId,
        at: this.clock.now(),
      });
      if (!recorded)
        throw new DomainError(ErrorCode.SAMPLE_OUTCOME_RECORDED, 'This case was decided meanwhile');
      let receivableId: string | null = null;
      if (body.outcome === 'clawback') {
        if (item.amountFen <= 0)
          throw new DomainError(
            ErrorCode.WRONG_STATE,
            'The claim holds no committed or paid money to claw back',
          );
        // Against whoever was paid: the resident's own card, or the dealer organisation of a
        // point-of-sale claim (netted against its next batch, shown on its ledger).
        receivableId = await this.samples.openReceivable(manager, {
          applicationId: item.applicationId,
          payee: item.payeeOrganizationId
            ? { kind: 'dealer', organizationId: item.payeeOrganizationId }
            : { kind: 'resident', userId: item.applicantId },
          amountFen: item.amountFen,
          reason: note!,
          sampleItemId: item.id,
          createdBy: userId,
        });
      }
      await this.audit.record(
        {
          action: 'review.sample.outcome',
          result: 'success',
          objectType: 'application',
          objectId: item.applicationId,
          detail: {
            sampleId,
            code: item.code,
            outcome: body.outcome,
            ...(receivableId
              ? {
                  receivableId,
                  amountFen: item.amountFen,
                  payee: item.payeeOrganizationId ? 'dealer' : 'resident',
                }
              : {}),
          },
        },
        manager,
      );
      return { applicationId: item.applicationId, outcome: body.outcome, receivableId };
    });
  }
}
