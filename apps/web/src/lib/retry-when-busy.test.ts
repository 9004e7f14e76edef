import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, retryWhenBusy, type BusyWait } from './api-client';

const busy = (status: number, retryAfter?: number) =>
  new ApiError(
    status,
    status === 503 ? 'SERVICE_UNAVAILABLE' : 'RATE_LIMITED',
    'busy',
    {},
    undefined,
    retryAfter,
  );

describe('retryWhenBusy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([503, 429])('after a %i waits Retry-After plus jitter, then sends again', async (status) => {
    const send = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(busy(status, 3))
      .mockResolvedValue('ok');
    const waits: BusyWait[] = [];
    const result = retryWhenBusy(send, { onWait: (wait) => waits.push(wait), random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([{ attempt: 2, seconds: 3.5 }]);
    await vi.advanceTimersByTimeAsync(3499);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after the bounded number of sends and throws the last refusal', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(busy(503, 1));
    const result = retryWhenBusy(send, { attempts: 3, random: () => 0 });
    const settled = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await settled).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('waits 2 s when there is no Retry-After and caps a long one', async () => {
    const waits: number[] = [];
    const send = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(busy(503))
      .mockRejectedValueOnce(busy(429, 3600))
      .mockResolvedValue('ok');
    const result = retryWhenBusy(send, { onWait: ({ seconds }) => waits.push(seconds), random: () => 0 });
    await vi.advanceTimersByTimeAsync(40_000);
    await expect(result).resolves.toBe('ok');
    expect(waits).toEqual([2, 30]);
  });

  it.each([
    ['a refusal the resident must act on', new ApiError(422, 'NOT_ELIGIBLE', 'no')],
    ['a server error', new ApiError(500, 'INTERNAL_ERROR', 'boom')],
    ['no answer at all', new ApiError(0, 'NETWORK_ERROR', 'offline')],
  ])('does not retry %s', async (_label, error) => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(error);
    await expect(retryWhenBusy(send)).rejects.toBe(error);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
