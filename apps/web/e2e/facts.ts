/** Browser-test step: type a shared fixture claim into the generated fact form, as a resident would. */
import { fenToYuanString, getCatalogueProgram, type FactField } from '@huanxin/shared';
import type { ClaimFacts } from '@huanxin/shared/testing';
import type { Page } from 'playwright-core';

const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

function factOf(facts: ClaimFacts, path: string): unknown {
  const [group, key] = path.split('.') as [string, string];
  return facts[group]?.[key];
}

async function fillField(page: Page, f: FactField, value: unknown): Promise<void> {
  const box = field(page, f.path);
  switch (f.type) {
    case 'enum': {
      const label = f.options?.find((o) => o.value === value)?.label.zh ?? String(value);
      await box.getByText(label, { exact: true }).click();
      return;
    }
    case 'boolean':
      // Switches start unanswered; one tap answers "yes".
      if (value === true) await box.getByRole('switch').click();
      return;
    case 'money':
      await box.locator('input').fill(fenToYuanString(value as number));
      return;
    default:
      await box.locator('input').fill(String(value));
  }
}

/** Fills every field of `programCode` that `facts` answers (only `group`'s when given), in form order. */
export async function fillFacts(
  page: Page,
  programCode: string,
  facts: ClaimFacts,
  { group }: { group?: string } = {},
): Promise<void> {
  const definition = getCatalogueProgram(programCode);
  if (!definition) throw new Error(`${programCode} is not in the catalogue`);
  for (const f of definition.factFields) {
    if (group && f.group !== group) continue;
    const value = factOf(facts, f.path);
    if (value !== undefined) await fillField(page, f, value);
  }
}
