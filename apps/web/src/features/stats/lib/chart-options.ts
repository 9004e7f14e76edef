import type { EChartsCoreOption } from 'echarts/core';
import type { PublicCount, PublicProgramStats, PublicWeek } from '../api/get-stats';

/** Fen → 万元 (10,000 yuan), the unit of budget figures on Chinese government pages. */
export const toWanYuan = (fen: number) => Math.round(fen / 100 / 100) / 100;
/** A suppressed count ("<5") has no value to plot: the chart leaves a gap, the table says "<5". */
export const plotted = (count: PublicCount) => (typeof count === 'number' ? count : null);

const COLORS = { paid: '#2f6f4f', committed: '#4f7cac', reserved: '#c9a45c', remaining: '#d9d9d9' };

export interface BudgetLabels {
  paid: string;
  committed: string;
  reserved: string;
  remaining: string;
  unit: string;
}

/** Per program, a horizontal stacked bar: paid, committed, reserved, remaining (万元). */
export function budgetOption(
  programs: { title: string; program: PublicProgramStats }[],
  labels: BudgetLabels,
): EChartsCoreOption {
  const parts = ['paid', 'committed', 'reserved', 'remaining'] as const;
  const field = {
    paid: 'paidFen',
    committed: 'committedFen',
    reserved: 'reservedFen',
    remaining: 'remainingFen',
  } as const;
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: labels.unit, nameLocation: 'end' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: programs.map((p) => p.title),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: parts.map((part) => ({
      name: labels[part],
      type: 'bar',
      stack: 'budget',
      itemStyle: { color: COLORS[part] },
      data: programs.map((p) => toWanYuan(p.program.budget[field[part]])),
    })),
  };
}

export interface WeeklyLabels {
  submitted: string;
  approved: string;
  paid: string;
  count: string;
  unit: string;
}

/** Per week: new submissions and approvals (bars) and the subsidy paid (line, 万元, right axis). */
export function weeklyOption(weeks: PublicWeek[], labels: WeeklyLabels): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: weeks.map((w) => w.week.slice(5)) },
    yAxis: [
      { type: 'value', name: labels.count, minInterval: 1 },
      { type: 'value', name: labels.unit, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.submitted,
        type: 'bar',
        data: weeks.map((w) => plotted(w.submitted)),
        itemStyle: { color: '#4f7cac' },
      },
      {
        name: labels.approved,
        type: 'bar',
        data: weeks.map((w) => plotted(w.approved)),
        itemStyle: { color: '#2f6f4f' },
      },
      {
        name: labels.paid,
        type: 'line',
        yAxisIndex: 1,
        data: weeks.map((w) => toWanYuan(w.paidFen)),
        itemStyle: { color: '#c9a45c' },
      },
    ],
  };
}
