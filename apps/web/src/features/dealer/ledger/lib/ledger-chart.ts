import type { EChartsCoreOption } from 'echarts/core';
import {
  LEDGER_OPEN_STATES,
  LEDGER_TOTAL_KEYS,
  type DealerLedgerTotals,
  type LedgerState,
} from '@huanxin/shared';

/** One colour per state, from waiting (warm) to paid (green); what is owed back in red. */
export const LEDGER_STATE_COLORS: Readonly<Record<LedgerState, string>> = {
  advanced: '#c9a45c',
  in_review: '#d48806',
  approved: '#4f7cac',
  payment_failed: '#d4380d',
  in_batch: '#2f54eb',
  paid: '#2f6f4f',
  receivable: '#cf1322',
  released: '#8c8c8c',
  cancelled: '#8c8c8c',
};

/** The antd Tag colour of each state in the items table. */
export const LEDGER_TAG_COLORS: Readonly<Record<LedgerState, string>> = {
  advanced: 'gold',
  in_review: 'orange',
  approved: 'blue',
  payment_failed: 'volcano',
  in_batch: 'geekblue',
  paid: 'green',
  receivable: 'red',
  released: 'default',
  cancelled: 'default',
};

/** Fen → yuan with two decimals (the chart's axis is in yuan). */
const toYuan = (fen: number) => Math.round(fen) / 100;

/**
 * Money by state: one horizontal bar per open state (yuan), in the order money moves, each in its
 * state's colour. `labels` are the translated state names and the unit.
 */
export function ledgerChartOption(
  totals: DealerLedgerTotals,
  labels: { states: Record<(typeof LEDGER_OPEN_STATES)[number], string>; unit: string },
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: labels.unit, nameLocation: 'end', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: LEDGER_OPEN_STATES.map((state) => labels.states[state]),
    },
    series: [
      {
        type: 'bar',
        name: labels.unit,
        barMaxWidth: 28,
        data: LEDGER_OPEN_STATES.map((state) => ({
          value: toYuan(totals[LEDGER_TOTAL_KEYS[state]]),
          itemStyle: { color: LEDGER_STATE_COLORS[state] },
        })),
      },
    ],
  };
}
