import { voucherCategories, type ProgramDefinition } from '@huanxin/shared';

export interface LotteryCategory {
  value: string;
  label: { zh: string; en: string };
}

/** A program's voucher categories with their labels, from its public definition (as the offers give them). */
export function lotteryCategoriesOf(
  definition: Pick<ProgramDefinition, 'historyFields' | 'factFields'> | null | undefined,
): LotteryCategory[] {
  if (!definition) return [];
  const field = definition.factFields.find((f) => f.path === definition.historyFields?.category);
  return voucherCategories(definition).map((value) => ({
    value,
    label: field?.options?.find((option) => option.value === value)?.label ?? { zh: value, en: value },
  }));
}

/** Where a round stands at `now`: taking entries, closed awaiting the draw, or drawn. */
export function roundState(
  round: { opensAt: string; closesAt: string; winners?: readonly string[] },
  now: number,
): 'upcoming' | 'open' | 'closed' | 'drawn' {
  if (round.winners) return 'drawn';
  if (now < Date.parse(round.opensAt)) return 'upcoming';
  return now < Date.parse(round.closesAt) ? 'open' : 'closed';
}
