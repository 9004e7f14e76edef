import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BusyWait } from '@/lib/api-client';
import { submitApplication } from './applications';

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const unavailable = () =>
  json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'busy' } }, 503, { 'Retry-After': '2' });
const limited = () => json({ error: { code: 'RATE_LIMITED', message: 'slow' } }, 429, { 'Retry-After': '1' });

describe('submitApplication when the portal is busy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits out 503 and 429 and sends the same Idempotency-Key each time; tells the resident while waiting', async () => {
    const done = { id: 'a1', status: 'submitted', reservedFen: 75_000 };
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(unavailable())
      .mockResolvedValueOnce(limited())
      .mockResolvedValueOnce(json(done, 200));
    vi.stubGlobal('fetch', fetchMock);
    const waits: BusyWait[] = [];
    const result = submitApplication({ id: 'a1', key: 'key-1', onBusy: (wait) => waits.push(wait) });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toEqual(done);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    const keys = fetchMock.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
    expect(waits.map((wait) => wait.attempt)).toEqual([2, 3]);
    expect(waits[0]!.seconds).toBeGreaterThanOrEqual(2);
    expect(waits[0]!.seconds).toBeLessThan(3);
  });

  it('stops after a bounded number of attempts and fails with the busy answer', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(() => Promise.resolve(unavailable()));
    vi.stubGlobal('fetch', fetchMock);
    const settled = submitApplication({ id: 'a1', key: 'key-1' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settled).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: 2 });
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });
});
