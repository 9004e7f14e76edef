/**
 * The processes of one benchmark run: the BUILT API (dist/main.js) and worker (dist/main.worker.js)
 * on a database and Redis prefix of the run's own, and the Nest hello world, each a child process
 * on a free port, so the load generator (this process) does not share their event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { AppConfig } from '../../src/config/config';
import { createRedis } from '../../src/redis/redis.module';

const API_DIR = path.resolve(__dirname, '..', '..');
const STARTUP_TIMEOUT_MS = 90_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

export function startChild(args: string[], env: NodeJS.ProcessEnv, command = process.execPath): Child {
  let stderr = '';
  const child = spawn(command, args, { cwd: API_DIR, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  return {
    process: child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200 (or the child exits, or 90 s pass). */
export async function waitForOk(url: string, child: Child): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`${url}: the process exited (${child.process.exitCode})\n${child.stderr()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200 in time (last: ${last})\n${child.stderr()}`);
}

export const apiMain = path.join(API_DIR, 'dist', 'main.js');
export const workerMain = path.join(API_DIR, 'dist', 'main.worker.js');
export const tsxCli = path.resolve(API_DIR, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const helloServer = path.join(__dirname, 'hello-server.ts');

/** Samples a process's resident set size (VmRSS, Linux) every 250 ms; `max()` in MB. */
export function rssSampler(pid: number): { max: () => number; stop: () => void } {
  let max = 0;
  const sample = () => {
    try {
      const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (line) max = Math.max(max, Number(line[1]) / 1024);
    } catch {
      // The process has ended: keep the maximum seen.
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return { max: () => max, stop: () => clearInterval(timer) };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; 0 once it has ended). */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Deletes every key under the run's Redis prefix (sessions, limits, queues). */
export async function clearRedis(config: AppConfig): Promise<void> {
  const redis = createRedis({ ...config, redis: { ...config.redis, prefix: '' } });
  redis.options.keyPrefix = '';
  try {
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
