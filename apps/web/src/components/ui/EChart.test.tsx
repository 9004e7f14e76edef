import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';

const instance = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
const init = vi.fn((..._args: unknown[]) => instance);
const use = vi.fn();
vi.mock('echarts/core', () => ({
  init: (...args: unknown[]) => init(...args),
  use: (...args: unknown[]) => use(...args),
}));

const observers: { callback: () => void; disconnect: ReturnType<typeof vi.fn> }[] = [];
class FakeResizeObserver {
  readonly disconnect = vi.fn();
  constructor(readonly callback: () => void) {
    observers.push(this);
  }
  observe(): void {}
  unobserve(): void {}
}

const { EChart } = await import('./EChart');

afterEach(() => {
  vi.unstubAllGlobals();
  observers.length = 0;
});

describe('EChart', () => {
  it('inits with the SVG renderer, sets the option with aria, resizes with its box, disposes on unmount', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const option = { series: [{ type: 'bar', data: [1, 2] }] };
    const { container, rerender, unmount } = render(<EChart option={option} label="预算使用情况" />);
    const element = container.querySelector('.hx-echart') as HTMLElement;
    expect(use).toHaveBeenCalled();
    expect(init).toHaveBeenCalledWith(element, undefined, { renderer: 'svg' });
    expect(element.getAttribute('role')).toBe('img');
    expect(element.getAttribute('aria-label')).toBe('预算使用情况');
    expect(instance.setOption).toHaveBeenLastCalledWith(
      { ...option, aria: { enabled: true, label: { description: '预算使用情况' } } },
      { notMerge: true },
    );

    observers[0]!.callback();
    expect(instance.resize).toHaveBeenCalledTimes(1);

    const next = { series: [{ type: 'line', data: [3] }] };
    rerender(<EChart option={next} label="预算使用情况" />);
    expect(instance.setOption).toHaveBeenLastCalledWith(
      { ...next, aria: { enabled: true, label: { description: '预算使用情况' } } },
      { notMerge: true },
    );
    expect(init).toHaveBeenCalledTimes(1);

    unmount();
    expect(instance.dispose).toHaveBeenCalledTimes(1);
    expect(observers[0]!.disconnect).toHaveBeenCalledTimes(1);
  });
});
