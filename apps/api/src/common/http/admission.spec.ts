import { AdmissionGate } from './admission';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string; details?: { headers?: Record<string, string> } }) => error,
  );

describe('AdmissionGate', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('admits up to maxInFlight at once, queues up to queueLength, refuses the next at once with 503 + Retry-After', async () => {
    const gate = new AdmissionGate({ maxInFlight: 2, queueLength: 1, queueTimeoutMs: 1000 });
    await gate.acquire();
    await gate.acquire();
    const queued = gate.acquire();
    expect(gate.queued).toBe(1);
    const error = await refusal(gate.acquire());
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(Number(error?.details?.headers?.['retry-after'])).toBeGreaterThan(0);
    void queued.catch(() => undefined);
  });

  it('hands a released slot to the oldest waiter (FIFO) without going over the cap', async () => {
    const gate = new AdmissionGate({ maxInFlight: 1, queueLength: 5, queueTimeoutMs: 1000 });
    const release = await gate.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      gate.acquire().then((done) => {
        order.push(n);
        return done;
      }),
    );
    release();
    const first = await waiters[0]!;
    expect(gate.inFlight).toBe(1);
    first();
    (await waiters[1]!)();
    (await waiters[2]!)();
    expect(order).toEqual([1, 2, 3]);
    expect(gate.inFlight).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it('refuses a waiter after queueTimeoutMs and leaves the queue clean', async () => {
    const gate = new AdmissionGate({ maxInFlight: 1, queueLength: 1, queueTimeoutMs: 500 });
    const release = await gate.acquire();
    const waiting = refusal(gate.acquire());
    jest.advanceTimersByTime(499);
    expect(gate.queued).toBe(1);
    jest.advanceTimersByTime(1);
    expect(await waiting).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(gate.queued).toBe(0);
    release();
    expect(gate.inFlight).toBe(0);
  });

  it('a release called twice frees one slot only', async () => {
    const gate = new AdmissionGate({ maxInFlight: 2, queueLength: 0, queueTimeoutMs: 100 });
    const release = await gate.acquire();
    await gate.acquire();
    release();
    release();
    expect(gate.inFlight).toBe(1);
  });
});

describe('AdmissionGate.full (the early refusal hook reads it)', () => {
  it('is true only when every slot is taken and the queue is full', async () => {
    const gate = new AdmissionGate({ maxInFlight: 1, queueLength: 1, queueTimeoutMs: 60_000 });
    expect(gate.full).toBe(false);
    const release = await gate.acquire();
    expect(gate.full).toBe(false);
    const queued = gate.acquire();
    expect(gate.full).toBe(true);
    release();
    (await queued)();
    expect(gate.full).toBe(false);
  });

  it('with no queue, one slot taken is full', async () => {
    const gate = new AdmissionGate({ maxInFlight: 1, queueLength: 0, queueTimeoutMs: 60_000 });
    const release = await gate.acquire();
    expect(gate.full).toBe(true);
    release();
    expect(gate.full).toBe(false);
  });
});
