import type { Job } from 'bullmq';
import { handleJobs } from './job-processor';
import { declaredJobs, defineJob, defineScheduledJob } from './jobs';

// Test-only jobs: each spec file has its own module registry, so these never meet the real ones.
const PING = defineJob({
  queue: 'budget',
  name: 'budget.test-ping',
  jobId: ({ key }: { key: string; times: number }) => `ping-${key}`,
});
const SWEEP = defineScheduledJob({
  queue: 'budget',
  name: 'budget.test-sweep',
  schedule: { key: 'budget-test-sweep', pattern: '0 * * * *', tz: 'Asia/Shanghai' },
});
const OTHER_QUEUE = defineJob({
  queue: 'accounts',
  name: 'accounts.test-other',
  jobId: ({ id }: { id: string }) => `other-${id}`,
});

const jobOf = (name: string, data: unknown) => ({ name, data, id: 'job-1' }) as unknown as Job;

describe('job definitions', () => {
  it('make the outbox job from the payload: the id comes from the definition’s rule', () => {
    expect(PING.job({ key: 'a1', times: 2 })).toEqual({
      queue: 'budget',
      name: 'budget.test-ping',
      jobId: 'ping-a1',
      payload: { key: 'a1', times: 2 },
    });
  });

  it.each([['a:b'], ['a b'], ['a/b']])('refuse a job id BullMQ cannot take (key %j)', (key) => {
    expect(() => PING.job({ key, times: 1 })).toThrow('invalid job id');
  });

  it('are declared once each, named <queue>.<what>', () => {
    expect(declaredJobs().map((definition) => definition.name)).toEqual([
      'budget.test-ping',
      'budget.test-sweep',
      'accounts.test-other',
    ]);
    expect(() => defineJob({ queue: 'budget', name: 'budget.test-ping', jobId: () => 'x' })).toThrow(
      'declared twice',
    );
    // @ts-expect-error a job's name starts with its queue
    expect(() => defineJob({ queue: 'budget', name: 'accounts.misplaced', jobId: () => 'x' })).toThrow(
      'must be named <queue>.<what>',
    );
  });

  it('compile-time: a payload must match the definition (checked by `npm run typecheck`)', () => {
    // @ts-expect-error `times` is missing
    expect(() => PING.job({ key: 'a' })).not.toThrow();
    // @ts-expect-error a scheduled job has no outbox form
    expect(SWEEP.job).toBeUndefined();
  });
});

describe('handleJobs', () => {
  const seen: unknown[] = [];
  const jobs = handleJobs([PING, SWEEP], {
    'budget.test-ping': async (payload, job) => {
      seen.push([payload.key, payload.times * 2, job.id]);
      return 'pinged';
    },
    'budget.test-sweep': async () => 'swept',
  });

  it('dispatches each job to its handler by name, with the payload', async () => {
    await expect(jobs.handle(jobOf('budget.test-ping', { key: 'k', times: 3 }))).resolves.toBe('pinged');
    await expect(jobs.handle(jobOf('budget.test-sweep', {}))).resolves.toBe('swept');
    expect(seen).toEqual([['k', 6, 'job-1']]);
    expect(jobs.queue).toBe('budget');
    expect(jobs.definitions).toEqual([PING, SWEEP]);
  });

  it('refuses a job it has no handler for (it fails and is retried, never silently dropped)', () => {
    expect(() => jobs.handle(jobOf('budget.unknown', {}))).toThrow(
      'unknown job budget.unknown on queue budget',
    );
  });

  it('a job without a handler does not compile, and fails at start if forced', () => {
    // @ts-expect-error 'budget.test-sweep' has no handler
    expect(() => handleJobs([PING, SWEEP], { 'budget.test-ping': async () => 1 })).toThrow(
      'job budget.test-sweep has no handler',
    );
  });

  it('a handler for a job not listed, or reading a field the payload lacks, does not compile', () => {
    handleJobs([PING], {
      'budget.test-ping': async () => 1,
      // @ts-expect-error not one of the listed jobs
      'budget.test-sweep': async () => 2,
    });
    handleJobs([PING], {
      // @ts-expect-error the payload has no `programId`
      'budget.test-ping': async (payload) => payload.programId,
    });
  });

  it('one processor handles one queue', () => {
    expect(() =>
      handleJobs([PING, OTHER_QUEUE], {
        'budget.test-ping': async () => 1,
        'accounts.test-other': async () => 2,
      }),
    ).toThrow('one processor handles one queue');
  });
});
