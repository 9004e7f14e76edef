import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  isIsoDate,
  loadProgramDefinition,
  ProgramDefinitionError,
  type ProgramDefinition,
} from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { BudgetEntity } from '../../budget/budget.entity';
import { budgetSnapshotJob } from '../../budget/budget.jobs';
import { Clock } from '../../common/clock';
import { DomainError, validationFailed } from '../../common/errors/domain-error';
import type { AuthUser } from '../../common/http/request-context';
import { ProgramsCache } from '../../programs/programs.cache';
import { writeOutbox } from '../../queue/outbox.service';
import type { CreateProgramDto, CreateVersionDto } from './program-versions.dto';
import {
  ProgramVersionsRepository,
  type VersionRow,
  type VersionSummary,
} from './program-versions.repository';
import { RetroactiveRepricer } from './repricing/retroactive-repricer';

/** One version as the admin routes answer it (api-contract.md "Admin and audit", plus a few members). */
export interface VersionView {
  version: number;
  status: 'draft' | 'published';
  effectiveOn: string;
  documentNo: string | null;
  note: string | null;
  /** The author's username (null: a catalogue version). */
  createdBy: string | null;
  /** The publisher's username (null: a draft, or a catalogue version). */
  publishedBy: string | null;
  basedOnVersion: number | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface VersionDetail extends VersionView {
  programCode: string;
  definition: ProgramDefinition;
}

export interface PublishResult extends VersionView {
  programCode: string;
  /** Whether the version is current now (false: it takes over on `effectiveOn`). */
  current: boolean;
  /** What the retroactive re-pricing did (null when not retroactive). */
  repricing: { changed: number; deltaFen: number } | null;
}

/**
 * Program versions (operations.md §10): an edit is a new draft with its effective date, document
 * number (文号) and note, validated like the catalogue (JSON Schema, then semantics) before it is
 * stored; a second administrator publishes it. Publishing is one transaction under the program's
 * row lock: the draft must still follow the newest published version (else STALE_DRAFT), must not
 * be its author's (SELF_PUBLISH), becomes immutable (the table's trigger), moves the program's
 * pointer when its date has come, and — when retroactive — re-prices the claims not yet paid
 * through RetroactiveRepricer in the same transaction, so a shortfall there changes nothing.
 * Every write is audited in its transaction.
 */
@Injectable()
export class ProgramVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: ProgramVersionsRepository,
    private readonly audit: AuditService,
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
    // Wired by the integrator (h-whatif's implementation); without it a retroactive publish fails.
    @Optional() @Inject(RetroactiveRepricer) private readonly repricer?: RetroactiveRepricer,
  ) {}

  async list(code: string): Promise<VersionView[]> {
    const programId = await this.programId(code);
    return (await this.versions.list(programId)).map(view);
  }

  async get(code: string, version: number): Promise<VersionDetail> {
    const row = await this.version(await this.programId(code), version);
    return { ...view(row), programCode: code, definition: row.definition };
  }

  async createDraft(code: string, body: CreateVersionDto, actor: AuthUser): Promise<VersionDetail> {
    const programId = await this.programId(code);
    const note = normalizedNote(body.note);
    const documentNo = requiredText(body.documentNo, 'documentNo');
    const created = await this.dataSource.transaction(async (manager) => {
      const program = await this.versions.lockProgram(manager, programId);
      const basedOnVersion = await this.versions.latestPublishedNumber(programId, manager);
      const definition = await this.validDefinition(manager, body.definition, {
        code: program.code,
        kind: program.kind,
      });
      checkEffectiveOn(body.effectiveOn, definition);
      const draft = await this.versions.insertDraft(manager, {
        programId,
        definition,
        effectiveOn: body.effectiveOn,
        documentNo,
        note,
        createdBy: actor.id,
        basedOnVersion,
      });
      await this.audit.record(
        {
          action: 'program.version_drafted',
          result: 'success',
          objectType: 'program_version',
          objectId: draft.id,
          detail: { code, version: draft.version, basedOnVersion, effectiveOn: body.effectiveOn, documentNo },
        },
        manager,
      );
      return draft;
    });
    return this.get(code, created.version);
  }

  /** A new program from a definition (typically a copy under a new code): its draft version 1. */
  async createProgram(body: CreateProgramDto, actor: AuthUser): Promise<VersionDetail> {
    const note = normalizedNote(body.note);
    const documentNo = requiredText(body.documentNo, 'documentNo');
    const created = await this.dataSource.transaction(async (manager) => {
      const definition = await this.validDefinition(manager, body.definition, null);
      const effectiveOn = body.effectiveOn ?? definition.opensOn;
      checkEffectiveOn(effectiveOn, definition);
      const programId = await this.versions.insertProgram(manager, {
        code: definition.code,
        kind: definition.kind,
        titleZh: definition.title.zh,
        titleEn: definition.title.en,
      });
      if (!programId) {
        throw new DomainError(ErrorCode.PROGRAM_CODE_TAKEN, `A program ${definition.code} exists already`, {
          fields: { 'definition.code': ErrorCode.PROGRAM_CODE_TAKEN },
          extra: { path: '/code', details: { path: '/code' } },
        });
      }
      await this.versions.lockProgram(manager, programId);
      // The program's money, as the catalogue seed creates it: the whole total remaining.
      const totalFen = definition.budget.totalFen;
      await manager.insert(BudgetEntity, {
        programId,
        totalFen,
        remainingFen: totalFen,
        reservedFen: 0,
        committedFen: 0,
        paidFen: 0,
      });
      await writeOutbox(manager, budgetSnapshotJob(programId, 'created', `${programId}-created`));
      const draft = await this.versions.insertDraft(manager, {
        programId,
        definition,
        effectiveOn,
        documentNo,
        note,
        createdBy: actor.id,
        basedOnVersion: null,
      });
      await this.audit.record(
        {
          action: 'program.created',
          result: 'success',
          objectType: 'program',
          objectId: programId,
          detail: { code: definition.code, version: draft.version, effectiveOn, documentNo, totalFen },
        },
        manager,
      );
      return { code: definition.code, version: draft.version };
    });
    return this.get(created.code, created.version);
  }

  async publish(
    code: string,
    version: number,
    body: { retroactive: boolean },
    actor: AuthUser,
  ): Promise<PublishResult> {
    const programId = await this.programId(code);
    const today = this.clock.today();
    const outcome = await this.publishTransaction(code, programId, version, body, actor, today).catch(
      async (error: unknown) => {
        // A refused publish is recorded too (after the rollback): four-eyes refusals are for audit.
        if (error instanceof DomainError && REFUSALS.has(error.code)) {
          await this.audit.record({
            action: 'program.version_publish_refused',
            result: error.code === ErrorCode.SELF_PUBLISH ? 'denied' : 'failure',
            objectType: 'program',
            objectId: programId,
            detail: { code, version, reason: error.code },
          });
        }
        throw error;
      },
    );
    // This replica serves the new version at once; the others see the stamp change within ~1 s,
    // and a version dated later takes over on its date everywhere (ProgramsRepository).
    this.cache.invalidate();
    const published = await this.version(programId, version);
    return { ...view(published), programCode: code, current: outcome.inEffect, repricing: outcome.repricing };
  }

  private publishTransaction(
    code: string,
    programId: string,
    version: number,
    body: { retroactive: boolean },
    actor: AuthUser,
    today: string,
  ): Promise<{ inEffect: boolean; repricing: { changed: number; deltaFen: number } | null }> {
    return this.dataSource.transaction(async (manager) => {
      await this.versions.lockProgram(manager, programId);
      const draft = await this.version(programId, version, manager);
      if (draft.status === 'published')
        throw new DomainError(
          ErrorCode.ALREADY_PUBLISHED,
          `Version ${version} of ${code} is published already`,
        );
      if (draft.createdBy === actor.id)
        throw new DomainError(
          ErrorCode.SELF_PUBLISH,
          'You wrote this draft: a second administrator must publish it',
        );
      const latest = await this.versions.latestPublishedNumber(programId, manager);
      if (latest !== draft.basedOnVersion)
        throw new DomainError(
          ErrorCode.STALE_DRAFT,
          `Version ${latest} was published after this draft was made from ${draft.basedOnVersion ?? 'nothing'}`,
          { extra: { latestVersion: latest, basedOnVersion: draft.basedOnVersion } },
        );
      const inEffect = draft.effectiveOn <= today;
      if (body.retroactive && !inEffect)
        throw validationFailed(
          { retroactive: FieldErrorCode.OUT_OF_RANGE },
          'A retroactive version must be in effect already (its effective date has come)',
        );
      if (!(await this.versions.markPublished(manager, draft.id, actor.id)))
        throw new DomainError(
          ErrorCode.ALREADY_PUBLISHED,
          `Version ${version} of ${code} is published already`,
        );
      if (inEffect) await this.versions.pointAt(manager, programId, draft.id);
      let repricing: { changed: number; deltaFen: number } | null = null;
      if (body.retroactive) {
        if (!this.repricer)
          throw new Error('No RetroactiveRepricer is provided: retroactive publish unavailable');
        repricing = await this.repricer.reprice(manager, {
          programId,
          versionId: draft.id,
          actorId: actor.id,
        });
      }
      await this.audit.record(
        {
          action: 'program.version_published',
          result: 'success',
          objectType: 'program_version',
          objectId: draft.id,
          detail: {
            code,
            version,
            effectiveOn: draft.effectiveOn,
            documentNo: draft.documentNo,
            author: draft.createdBy,
            retroactive: body.retroactive,
            current: inEffect,
            ...(repricing && { changed: repricing.changed, deltaFen: repricing.deltaFen }),
          },
        },
        manager,
      );
      return { inEffect, repricing };
    });
  }

  private async programId(code: string): Promise<string> {
    const id = await this.versions.programIdByCode(code);
    if (!id) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    return id;
  }

  private async version(programId: string, version: number, manager?: EntityManager): Promise<VersionRow> {
    const row = await this.versions.find(programId, version, manager);
    if (!row) throw new DomainError(ErrorCode.VERSION_NOT_FOUND, `No version ${version}`);
    return row;
  }

  /**
   * The definition a draft stores: the JSON Schema and the semantic checks of the shared loader
   * (as the catalogue), then what only the database knows — the program's code and kind (an edit
   * cannot move a program to another code or kind; `expect` null for a new program) and that every
   * program in `stacksWith` exists. Its `version` is the server's (set when the draft is numbered):
   * an editor copies the current definition and need not bump it.
   */
  private async validDefinition(
    manager: EntityManager,
    input: Record<string, unknown>,
    expect: { code: string; kind: string } | null,
  ): Promise<ProgramDefinition> {
    let definition: ProgramDefinition;
    try {
      // A placeholder number that passes the schema; insertDraft writes the real one.
      definition = loadProgramDefinition({ ...input, version: 1 });
    } catch (error) {
      if (error instanceof ProgramDefinitionError) throw invalidDefinition(error.path, error.message);
      throw error;
    }
    if (expect && definition.code !== expect.code)
      throw invalidDefinition('/code', `a version of ${expect.code} keeps its code`);
    if (expect && definition.kind !== expect.kind)
      throw invalidDefinition('/kind', `a version of ${expect.code} keeps its kind (${expect.kind})`);
    const unknown = await this.versions.unknownCodes(definition.stacksWith, manager);
    if (unknown.length > 0) {
      const index = definition.stacksWith.indexOf(unknown[0]!);
      throw invalidDefinition(`/stacksWith/${index}`, `no program "${unknown[0]}"`);
    }
    return definition;
  }
}

/** Publish refusals that are audited (the others — not found, bad input — are plain 4xx). */
const REFUSALS = new Set<ErrorCode>([
  ErrorCode.SELF_PUBLISH,
  ErrorCode.ALREADY_PUBLISHED,
  ErrorCode.STALE_DRAFT,
]);

/** 422 INVALID_PROGRAM_DEFINITION naming the bad node by its JSON pointer (`path` and `details.path`). */
function invalidDefinition(path: string, message: string): DomainError {
  return new DomainError(ErrorCode.INVALID_PROGRAM_DEFINITION, path ? `${path}: ${message}` : message, {
    fields: { definition: ErrorCode.INVALID_PROGRAM_DEFINITION },
    extra: { path, details: { path } },
  });
}

/** A version is current on a day of its own window only (operations.md §10). */
function checkEffectiveOn(effectiveOn: string, definition: ProgramDefinition): void {
  if (!isIsoDate(effectiveOn)) throw validationFailed({ effectiveOn: FieldErrorCode.INVALID_DATE });
  if (effectiveOn < definition.opensOn || effectiveOn > definition.closesOn)
    throw validationFailed(
      { effectiveOn: FieldErrorCode.OUT_OF_RANGE },
      `effectiveOn must be within the window ${definition.opensOn} – ${definition.closesOn}`,
    );
}

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw validationFailed({ [field]: FieldErrorCode.REQUIRED });
  return text;
}

function normalizedNote(note: string | undefined): string | null {
  const text = note?.trim();
  return text ? text : null;
}

function view(row: VersionSummary): VersionView {
  return {
    version: row.version,
    status: row.status,
    effectiveOn: row.effectiveOn,
    documentNo: row.documentNo,
    note: row.note,
    createdBy: row.createdByName,
    publishedBy: row.publishedByName,
    basedOnVersion: row.basedOnVersion,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}
