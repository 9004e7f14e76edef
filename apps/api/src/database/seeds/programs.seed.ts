import { programCatalogue, type ProgramDefinition } from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { budgetSnapshotJob } from '../../budget/budget.jobs';
import { BudgetEntity } from '../../budget/budget.entity';
import { writeOutbox } from '../../queue/outbox.service';
import { ProgramEntity } from '../../programs/program.entity';

/**
 * Loads the program catalogue: a program whose code is not in the database yet is inserted with
 * its version, its budget and a budget-snapshot job (one transaction). Existing programs are never
 * overwritten: after the first start, programs change only through published versions. The insert
 * is keyed on the program code (ON CONFLICT DO NOTHING), so re-applying the catalogue never adds a
 * version to, or replaces the current version of, a program that exists — including one an
 * administrator created or re-versioned (issue 15).
 */
export async function seedPrograms(
  dataSource: DataSource,
  catalogue: readonly ProgramDefinition[] = programCatalogue,
): Promise<string[]> {
  const created: string[] = [];
  for (const definition of catalogue) {
    await dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ProgramEntity)
        .values({
          code: definition.code,
          kind: definition.kind,
          titleZh: definition.title.zh,
          titleEn: definition.title.en,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const programId = (inserted.raw as { id: string }[])[0]?.id;
      if (!programId) return;
      const [version] = (await manager.query(
        `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, published_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, 'published', $4, now()) RETURNING id`,
        [programId, definition.version, JSON.stringify(definition), definition.opensOn, definition.closesOn],
      )) as { id: string }[];
      await manager.update(ProgramEntity, { id: programId }, { currentVersionId: version!.id });
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
      created.push(definition.code);
    });
  }
  return created;
}
