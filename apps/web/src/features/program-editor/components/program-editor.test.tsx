import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getCatalogueProgram, type ProgramDefinition } from '@huanxin/shared';
import { renderWithApp } from '@/test/render';
import type { DefinitionIssue } from '../lib/check-definition';
import { diffDefinitions } from '../lib/definition-diff';
import { ProgramEditor } from './program-editor';

const carReplace = () =>
  JSON.parse(JSON.stringify(getCatalogueProgram('car-replace-2026'))) as ProgramDefinition;

/** Every definition the editor handed up, newest last. */
let changes: ProgramDefinition[] = [];
const last = (): ProgramDefinition | null => changes.at(-1) ?? null;
beforeEach(() => {
  changes = [];
});

function Harness({ issues = [] }: { issues?: DefinitionIssue[] }) {
  const [def, setDef] = useState(carReplace);
  const change = (next: ProgramDefinition) => {
    changes.push(next);
    setDef(next);
  };
  return <ProgramEditor definition={def} onChange={change} issues={issues} />;
}

const openPart = async (name: string) => {
  fireEvent.click(await screen.findByRole('tab', { name: new RegExp(name) }));
  return screen.findByRole('region', { name });
};

// The clauses part renders a dozen clauses of antd fields: slow in jsdom on a shared machine.
describe('the program editor', { timeout: 90_000 }, () => {
  it('generates the fields of each part from the schema (the code of a new version is locked)', async () => {
    renderWithApp(<Harness />);
    const general = await screen.findByRole('region', { name: '基本信息与期限' });
    expect((within(general).getByLabelText(/开始日期/) as HTMLInputElement).value).toBe(carReplace().opensOn);
    const code = within(general).getByLabelText(/项目代码/) as HTMLInputElement;
    expect(code.value).toBe('car-replace-2026');
    expect(code.disabled || code.readOnly).toBe(true);
    const budget = await openPart('预算');
    expect((within(budget).getByLabelText(/预算总额/) as HTMLInputElement).value).toBe(
      String(carReplace().budget.totalFen),
    );
  });

  it('a change in a field updates the draft, and nothing else in it', async () => {
    renderWithApp(<Harness />);
    const budget = await openPart('预算');
    fireEvent.change(within(budget).getByLabelText(/预算总额/), { target: { value: '123456' } });
    await waitFor(() => expect(last()?.budget.totalFen).toBe(123456));
    expect({ ...last(), budget: carReplace().budget }).toEqual(carReplace());
  });

  it('the NEV cap of the formula is edited alone: rjsf adds no defaults (no `otherwise`), no problem shown', async () => {
    renderWithApp(<Harness />);
    const amount = await openPart('补贴金额公式');
    const cap = amount.querySelector<HTMLInputElement>('#hx-amount_amount_cases_0_formula_capFen')!;
    expect(cap.value).toBe('1500000');
    fireEvent.change(cap, { target: { value: '1800000' } });
    await waitFor(() => expect(last() && diffDefinitions(carReplace(), last()!).length).toBeGreaterThan(0));
    expect(diffDefinitions(carReplace(), last()!)).toEqual([
      {
        path: '/amount/cases/0/formula/capFen',
        part: 'amount',
        kind: 'changed',
        before: 1_500_000,
        after: 1_800_000,
      },
    ]);
    expect(screen.queryByTestId('issue-summary')).toBeNull();
    expect(amount.querySelectorAll('[id$="__error"]').length).toBe(0);
  });

  it('opening every part and editing in each changes only what was edited', async () => {
    renderWithApp(<Harness />);
    const settings = await openPart('设置');
    fireEvent.change(settings.querySelector<HTMLInputElement>('#hx-settings_settings_draftExpiryDays')!, {
      target: { value: '45' },
    });
    const facts = await openPart('申报信息项');
    fireEvent.change(facts.querySelector<HTMLInputElement>('#hx-factFields_factFields_0_label_en')!, {
      target: { value: 'Old VIN' },
    });
    await openPart('所需材料');
    await openPart('条件条款');
    await waitFor(() => expect(last() && diffDefinitions(carReplace(), last()!).length).toBe(2));
    expect(diffDefinitions(carReplace(), last()!).map((r) => [r.path, r.after])).toEqual([
      ['/factFields/0/label/en', 'Old VIN'],
      ['/settings/draftExpiryDays', 45],
    ]);
  });

  it('shows each clause rule in words beside its JSON, and editing the JSON updates both', async () => {
    renderWithApp(<Harness />);
    const clauses = await openPart('条件条款');
    const test = within(clauses).getByLabelText('判定规则', { selector: '#hx-clauses_clauses_0_test' });
    expect(JSON.parse((test as HTMLTextAreaElement).value)).toEqual(carReplace().clauses[0]!.test);
    const words = () => document.getElementById('hx-clauses_clauses_0_test-words')!.textContent;
    expect(words()).toContain('属于 “small_passenger”、“micro_passenger” 之一');
    fireEvent.change(test, {
      target: { value: '{"in": [{"var": "oldVehicle.vehicleType"}, ["small_passenger"]]}' },
    });
    await waitFor(() =>
      expect(last()?.clauses[0]!.test).toEqual({
        in: [{ var: 'oldVehicle.vehicleType' }, ['small_passenger']],
      }),
    );
    expect(words()).toContain('属于 “small_passenger” 之一');
    // Text that is not JSON stays in the box with an error and does not reach the draft.
    fireEvent.change(test, { target: { value: '{"in": [' } });
    expect(await within(clauses).findByText('不是有效的 JSON，修改未生效。')).toBeTruthy();
    expect(test.getAttribute('aria-invalid')).toBe('true');
    expect(last()?.clauses[0]!.test).toEqual({
      in: [{ var: 'oldVehicle.vehicleType' }, ['small_passenger']],
    });
  });

  it('puts a 422 path inside a rule on the rule field, lists it in the summary, and the summary opens it', async () => {
    renderWithApp(
      <Harness
        issues={[
          { path: '/clauses/3/test/if/1/===/0/var', message: 'fact "x" is not declared in factFields' },
        ]}
      />,
    );
    const summary = await screen.findByTestId('issue-summary');
    expect(summary.textContent).toContain('/clauses/3/test/if/1/===/0/var');
    expect(screen.getByTestId('part-tab-clauses').textContent).toMatch(/1/);
    fireEvent.click(within(summary).getByRole('button', { name: /条件条款/ }));
    const field = await waitFor(() => {
      const el = document.getElementById('hx-clauses_clauses_3_test');
      expect(el).toBeTruthy();
      return el!;
    });
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById('hx-clauses_clauses_3_test-error')!;
    expect(error.textContent).toBe('规则内 /if/1/===/0/var：fact "x" is not declared in factFields');
  });

  it('puts a path on a plain field of its part (the window), shown on that input', async () => {
    renderWithApp(<Harness issues={[{ path: '/closesOn', message: 'closesOn is before opensOn' }]} />);
    const general = await screen.findByRole('region', { name: '基本信息与期限' });
    await waitFor(() => expect(within(general).getByText('closesOn is before opensOn')).toBeTruthy());
    // The message is the input's description (rjsf links `<id>__error`).
    const input = within(general).getByLabelText(/截止日期/);
    expect(input.getAttribute('aria-describedby')).toContain(`${input.id}__error`);
    expect(document.getElementById(`${input.id}__error`)!.textContent).toBe('closesOn is before opensOn');
  });
});
