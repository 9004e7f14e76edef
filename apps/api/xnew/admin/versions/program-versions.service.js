"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgramVersionsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../audit/audit.service");
const budget_entity_1 = require("../../budget/budget.entity");
const budget_jobs_1 = require("../../budget/budget.jobs");
const clock_1 = require("../../common/clock");
const domain_error_1 = require("../../common/errors/domain-error");
const programs_cache_1 = require("../../programs/programs.cache");
const outbox_service_1 = require("../../queue/outbox.service");
const program_versions_repository_1 = require("./program-versions.repository");
const retroactive_repricer_1 = require("./repricing/retroactive-repricer");
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
let ProgramVersionsService = class ProgramVersionsService {
    constructor(dataSource, versions, audit, cache, clock, repricer) {
        this.dataSource = dataSource;
        this.versions = versions;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
        this.repricer = repricer;
    }
    async list(code) {
        const programId = await this.programId(code);
        return (await this.versions.list(programId)).map(view);
    }
    async get(code, version) {
        const row = await this.version(await this.programId(code), version);
        return { ...view(row), programCode: code, definition: row.definition };
    }
    async createDraft(code, body, actor) {
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
            await this.audit.record({
                action: 'program.version_drafted',
                result: 'success',
                objectType: 'program_version',
                objectId: draft.id,
                detail: { code, version: draft.version, basedOnVersion, effectiveOn: body.effectiveOn, documentNo },
            }, manager);
            return draft;
        });
        return this.get(code, created.version);
    }
    /** A new program from a definition (typically a copy under a new code): its draft version 1. */
    async createProgram(body, actor) {
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
                throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_CODE_TAKEN, `A program ${definition.code} exists already`, {
                    fields: { 'definition.code': shared_1.ErrorCode.PROGRAM_CODE_TAKEN },
                    extra: { path: '/code', details: { path: '/code' } },
                });
            }
            await this.versions.lockProgram(manager, programId);
            // The program's money, as the catalogue seed creates it: the whole total remaining.
            const totalFen = definition.budget.totalFen;
            await manager.insert(budget_entity_1.BudgetEntity, {
                programId,
                totalFen,
                remainingFen: totalFen,
                reservedFen: 0,
                committedFen: 0,
                paidFen: 0,
            });
            await (0, outbox_service_1.writeOutbox)(manager, (0, budget_jobs_1.budgetSnapshotJob)(programId, 'created', `${programId}-created`));
            const draft = await this.versions.insertDraft(manager, {
                programId,
                definition,
                effectiveOn,
                documentNo,
                note,
                createdBy: actor.id,
                basedOnVersion: null,
            });
            await this.audit.record({
                action: 'program.created',
                result: 'success',
                objectType: 'program',
                objectId: programId,
                detail: { code: definition.code, version: draft.version, effectiveOn, documentNo, totalFen },
            }, manager);
            return { code: definition.code, version: draft.version };
        });
        return this.get(created.code, created.version);
    }
    async publish(code, version, body, actor) {
        const programId = await this.programId(code);
        const today = this.clock.today();
        const outcome = await this.publishTransaction(code, programId, version, body, actor, today).catch(async (error) => {
            // A refused publish is recorded too (after the rollback): four-eyes refusals are for audit.
            if (error instanceof domain_error_1.DomainError && REFUSALS.has(error.code)) {
                await this.audit.record({
                    action: 'program.version_publish_refused',
                    result: error.code === shared_1.ErrorCode.SELF_PUBLISH ? 'denied' : 'failure',
                    objectType: 'program',
                    objectId: programId,
                    detail: { code, version, reason: error.code },
                });
            }
            throw error;
        });
        // This replica serves the new version at once; the others see the stamp change within ~1 s,
        // and a version dated later takes over on its date everywhere (ProgramsRepository).
        this.cache.invalidate();
        const published = await this.version(programId, version);
        return { ...view(published), programCode: code, current: outcome.inEffect, repricing: outcome.repricing };
    }
    publishTransaction(code, programId, version, body, actor, today) {
        return this.dataSource.transaction(async (manager) => {
            await this.versions.lockProgram(manager, programId);
            const draft = await this.version(programId, version, manager);
            if (draft.status === 'published')
                throw new domain_error_1.DomainError(shared_1.ErrorCode.ALREADY_PUBLISHED, `Version ${version} of ${code} is published already`);
            if (draft.createdBy === actor.id)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.SELF_PUBLISH, 'You wrote this draft: a second administrator must publish it');
            const latest = await this.versions.latestPublishedNumber(programId, manager);
            if (latest !== draft.basedOnVersion)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.STALE_DRAFT, `Version ${latest} was published after this draft was made from ${draft.basedOnVersion ?? 'nothing'}`, { extra: { latestVersion: latest, basedOnVersion: draft.basedOnVersion } });
            const inEffect = draft.effectiveOn <= today;
            if (body.retroactive && !inEffect)
                throw (0, domain_error_1.validationFailed)({ retroactive: shared_1.FieldErrorCode.OUT_OF_RANGE }, 'A retroactive version must be in effect already (its effective date has come)');
            if (!(await this.versions.markPublished(manager, draft.id, actor.id)))
                throw new domain_error_1.DomainError(shared_1.ErrorCode.ALREADY_PUBLISHED, `Version ${version} of ${code} is published already`);
            if (inEffect)
                await this.versions.pointAt(manager, programId, draft.id);
            let repricing = null;
            if (body.retroactive) {
                if (!this.repricer)
                    throw new Error('No RetroactiveRepricer is provided: retroactive publish unavailable');
                repricing = await this.repricer.reprice(manager, {
                    programId,
                    versionId: draft.id,
                    actorId: actor.id,
                });
            }
            await this.audit.record({
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
            }, manager);
            return { inEffect, repricing };
        });
    }
    async programId(code) {
        const id = await this.versions.programIdByCode(code);
        if (!id)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        return id;
    }
    async version(programId, version, manager) {
        const row = await this.versions.find(programId, version, manager);
        if (!row)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.VERSION_NOT_FOUND, `No version ${version}`);
        return row;
    }
    /**
     * The definition a draft stores: the JSON Schema and the semantic checks of the shared loader
     * (as the catalogue), then what only the database knows — the program's code and kind (an edit
     * cannot move a program to another code or kind; `expect` null for a new program) and that every
     * program in `stacksWith` exists. Its `version` is the server's (set when the draft is numbered):
     * an editor copies the current definition and need not bump it.
     */
    async validDefinition(manager, input, expect) {
        let definition;
        try {
            // A placeholder number that passes the schema; insertDraft writes the real one.
            definition = (0, shared_1.loadProgramDefinition)({ ...input, version: 1 });
        }
        catch (error) {
            if (error instanceof shared_1.ProgramDefinitionError)
                throw invalidDefinition(error.path, error.message);
            throw error;
        }
        if (expect && definition.code !== expect.code)
            throw invalidDefinition('/code', `a version of ${expect.code} keeps its code`);
        if (expect && definition.kind !== expect.kind)
            throw invalidDefinition('/kind', `a version of ${expect.code} keeps its kind (${expect.kind})`);
        const unknown = await this.versions.unknownCodes(definition.stacksWith, manager);
        if (unknown.length > 0) {
            const index = definition.stacksWith.indexOf(unknown[0]);
            throw invalidDefinition(`/stacksWith/${index}`, `no program "${unknown[0]}"`);
        }
        return definition;
    }
};
exports.ProgramVersionsService = ProgramVersionsService;
exports.ProgramVersionsService = ProgramVersionsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(5, (0, common_1.Optional)()),
    __param(5, (0, common_1.Inject)(retroactive_repricer_1.RetroactiveRepricer)),
    __metadata("design:paramtypes", [Function, program_versions_repository_1.ProgramVersionsRepository,
        audit_service_1.AuditService,
        programs_cache_1.ProgramsCache,
        clock_1.Clock,
        retroactive_repricer_1.RetroactiveRepricer])
], ProgramVersionsService);
/** Publish refusals that are audited (the others — not found, bad input — are plain 4xx). */
const REFUSALS = new Set([
    shared_1.ErrorCode.SELF_PUBLISH,
    shared_1.ErrorCode.ALREADY_PUBLISHED,
    shared_1.ErrorCode.STALE_DRAFT,
]);
/** 422 INVALID_PROGRAM_DEFINITION naming the bad node by its JSON pointer (`path` and `details.path`). */
function invalidDefinition(path, message) {
    return new domain_error_1.DomainError(shared_1.ErrorCode.INVALID_PROGRAM_DEFINITION, path ? `${path}: ${message}` : message, {
        fields: { definition: shared_1.ErrorCode.INVALID_PROGRAM_DEFINITION },
        extra: { path, details: { path } },
    });
}
/** A version is current on a day of its own window only (operations.md §10). */
function checkEffectiveOn(effectiveOn, definition) {
    if (!(0, shared_1.isIsoDate)(effectiveOn))
        throw (0, domain_error_1.validationFailed)({ effectiveOn: shared_1.FieldErrorCode.INVALID_DATE });
    if (effectiveOn < definition.opensOn || effectiveOn > definition.closesOn)
        throw (0, domain_error_1.validationFailed)({ effectiveOn: shared_1.FieldErrorCode.OUT_OF_RANGE }, `effectiveOn must be within the window ${definition.opensOn} – ${definition.closesOn}`);
}
function requiredText(value, field) {
    const text = value.trim();
    if (!text)
        throw (0, domain_error_1.validationFailed)({ [field]: shared_1.FieldErrorCode.REQUIRED });
    return text;
}
function normalizedNote(note) {
    const text = note?.trim();
    return text ? text : null;
}
function view(row) {
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
//# sourceMappingURL=program-versions.service.js.map