import { useEffect, useRef } from 'react';
import { init, use as registerParts, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Tree-shaken: only these charts, components and the SVG renderer are in the bundle (echarts/core).
registerParts([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

export interface EChartProps {
  /** The ECharts option; replaced (not merged) whenever it changes. */
  option: EChartsCoreOption;
  /** What the chart shows, in one sentence: the container's accessible name (ECharts `aria`). */
  label: string;
  height?: number;
  className?: string;
}

/**
 * One Apache ECharts chart: initialised on mount with the SVG renderer (crisp on phones, text in
 * the DOM, cheaper than canvas for a few small charts), resized with its container, disposed on
 * unmount. The `aria` module labels the chart; each chart on a page also has a table alternative.
 */
export function EChart({ option, label, height = 280, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { ...option, aria: { enabled: true, label: { description: label } } },
      { notMerge: true },
    );
  }, [option, label]);

  return (
    <div
      ref={container}
      className={className ? `hx-echart ${className}` : 'hx-echart'}
      role="img"
      aria-label={label}
      style={{ width: '100%', height }}
    />
  );
}
