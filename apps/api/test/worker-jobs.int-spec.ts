import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../src/config/config';
import { JobProcessor } from '../src/queue/job-processor';
import { declaredJobs, QUEUE_NAMES } from '../src/queue/jobs';
import { QueuesService } from '../src/queue/queues.service';
import { WorkerHostService } from '../src/queue/worker-host.service';
import { WorkerModule } from '../src/worker.module';

const src = path.join(__dirname, '../src');

/** Every file of src/ whose name ends so, loaded (so every job and processor in the code is seen). */
async function load(suffix: string): Promise<Record<string, unknown>[]> {
  const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((file) =>
    file.endsWith(suffix),
  );
  return Promise.all(
    files.map(async (file) => (await import(path.join(src, file))) as Record<string, unknown>),
  );
}

/**
 * The worker finds its processors itself (each domain module lists its own): this checks that it
 * collects every `@JobProcessor()` class in the code, that every declared job has a handler, and
 * that the declared schedules are registered.
 */
describe('worker: every declared job has its processor', () => {
  let worker: INestApplicationContext;
  let processorClasses: string[];

  beforeAll(async () => {
    processorClasses = (await load('.processor.ts'))
      .flatMap((exports) => Object.values(exports))
      .filter((value): value is abstract new () => object => typeof value === 'function')
      .filter((value) => Reflect.getMetadata(JobProcessor.KEY, value) !== undefined)
      .map((value) => value.name)
      .sort();
    await load('.jobs.ts');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), {
      logger: false,
    });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
  });

  it('collects every @JobProcessor() class of src/, once, with nothing wrong', () => {
    const { processors: collected, problems } = worker.get(WorkerHostService).inspect();
    expect(problems).toEqual([]);
    expect(processorClasses.length).toBeGreaterThanOrEqual(4);
    expect(collected.map((processor) => processor.instance.constructor.name).sort()).toEqual(
      processorClasses,
    );
  });

  it('every job declared in a *.jobs.ts is handled by a collected processor of its queue', () => {
    const collected = worker.get(WorkerHostService).inspect().processors;
    const handled = new Map(
      collected.flatMap((processor) => processor.jobs.definitions.map((d) => [d, processor.jobs.queue])),
    );
    const declared = declaredJobs();
    expect(declared.map((d) => d.name).sort()).toEqual(
      expect.arrayContaining([
        'accounts.disable-stale',
        'applications.check',
        'applications.expire',
        'budget.snapshot',
        'notifications.application-status',
      ]),
    );
    expect(declared.filter((d) => handled.get(d) !== d.queue).map((d) => d.name)).toEqual([]);
    expect(collected.map((processor) => processor.jobs.queue).sort()).toEqual([...QUEUE_NAMES].sort());
  });

  it('registers each scheduled job’s schedule under its stable key', async () => {
    const scheduled = declaredJobs().filter((d) => d.schedule);
    expect(scheduled.map((d) => d.name).sort()).toEqual([
      'accounts.disable-stale',
      'applications.expire',
      'applications.prune-idempotency-keys',
      'audit.anchor',
      'budget.apply-tranches',
      'review-sla.daily-digest',
      'vouchers.lottery',
      'vouchers.sweep',
    ]);
    for (const definition of scheduled) {
      const scheduler = await worker
        .get(QueuesService)
        .get(definition.queue)
        .getJobScheduler(definition.schedule!.key);
      expect(scheduler).toMatchObject({
        key: definition.schedule!.key,
        name: definition.name,
        pattern: definition.schedule!.pattern,
        tz: definition.schedule!.tz,
      });
    }
  });
});
