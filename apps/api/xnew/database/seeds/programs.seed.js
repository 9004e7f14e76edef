"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedPrograms = seedPrograms;
const shared_1 = require("@huanxin/shared");
const budget_jobs_1 = require("../../budget/budget.jobs");
const budget_entity_1 = require("../../budget/budget.entity");
const outbox_service_1 = require("../../queue/outbox.service");
const program_entity_1 = require("../../programs/program.entity");
/**
 * Loads the program catalogue: a program whose code is not in the database yet is inserted with
 * its version, its budget and a budget-snapshot job (one transaction). Existing programs are never
 * overwritten: after the first start, programs change only through published versions. The insert
 * is keyed on the program code (ON CONFLICT DO NOTHING), so re-applying the catalogue never adds a
 * version to, or replaces the current version of, a program that exists — including one an
 * administrator created or re-versioned (issue 15).
 */
async function seedPrograms(dataSource, catalogue = shared_1.programCatalogue) {
    const created = [];
    for (const definition of catalogue) {
        await dataSource.transaction(async (manager) => {
            const inserted = await manager
                .createQueryBuilder()
                .insert()
                .into(program_entity_1.ProgramEntity)
                .values({
                code: definition.code,
                kind: definition.kind,
                titleZh: definition.title.zh,
                titleEn: definition.title.en,
            })
                .orIgnore()
                .returning(['id'])
                .execute();
            const programId = inserted.raw[0]?.id;
            if (!programId)
                return;
            const [version] = (await manager.query(`INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, published_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, 'published', $4, now()) RETURNING id`, [programId, definition.version, JSON.stringify(definition), definition.opensOn, definition.closesOn]));
            await manager.update(program_entity_1.ProgramEntity, { id: programId }, { currentVersionId: version.id });
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
            created.push(definition.code);
        });
    }
    return created;
}
//# sourceMappingURL=programs.seed.js.map