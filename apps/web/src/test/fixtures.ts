/**
 * Web test data on top of `@huanxin/shared/testing` (the claims, profiles and identifiers every suite
 * shares): the catalogue definition as the API serves it, and a claim as a resident types it into the form.
 */
import { getCatalogueProgram, type ProgramDefinition, type ProgramDetail } from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import { valuesFromFacts } from '@/features/eligibility/hooks/use-fact-form';

export { NEW_VEHICLE_VIN as NEW_VIN, OLD_VEHICLE_VIN as OLD_VIN } from '@huanxin/shared/testing';

export function carScrap2026(): ProgramDefinition {
  const def = getCatalogueProgram('car-scrap-2026');
  if (!def) throw new Error('car-scrap-2026 missing from the catalogue');
  return def;
}

/** `GET /api/programs/:code` for a catalogue definition: open, with an untouched budget of ¥1,000,000. */
export function programDetailOf(definition: ProgramDefinition): ProgramDetail {
  return {
    code: definition.code,
    title: definition.title,
    kind: definition.kind,
    status: 'open',
    opensOn: definition.opensOn,
    closesOn: definition.closesOn,
    budget: { totalFen: 100_000_000, reservedFen: 0, committedFen: 0, paidFen: 0, remainingFen: 100_000_000 },
    version: definition.version,
    clauses: definition.clauses.map(({ id, title, citation, provenance }) => ({
      id,
      title,
      citation,
      provenance,
    })),
    documents: definition.documents,
    factFields: definition.factFields,
    definition,
  };
}

type FormGroup = Record<string, string | boolean>;

/**
 * The shared fuel-car car-scrap claim as a resident types it (money in yuan, numbers as text): a gasoline
 * car scrapped and replaced by a 1.5 L fuel car of 120,000 yuan.
 */
export const carScrapFormValues = valuesFromFacts(
  carScrap2026().factFields,
  eligibleClaim('carScrapFuel').facts,
) as { oldVehicle: FormGroup; scrap: FormGroup; newVehicle: FormGroup };
