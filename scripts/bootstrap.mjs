#!/usr/bin/env node
// Runs before `npm start`, `npm run dev` and `npm test` (npm's pre-scripts): makes a fresh clone
// ready with no other step. It installs the npm packages when they are missing or stale, checks
// that PostgreSQL and Redis answer, and for tests installs Debian's Chromium when it can (as root)
// or stops with the exact command to run. It changes nothing that is already in place.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'start';

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function installedStamp() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  return fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
}

// 1. npm packages: a fresh clone has none; a changed lockfile means they are stale.
const lock = path.join(root, 'package-lock.json');
if (
  !fs.existsSync(path.join(root, 'node_modules', '.bin', 'turbo')) ||
  fs.statSync(lock).mtimeMs > installedStamp()
) {
  console.log('› installing npm packages (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail('npm ci failed (see above).');
}

// 2. PostgreSQL and Redis must answer on their configured addresses.
function reachable(url, fallbackPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || fallbackPort) });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/huanxin';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
if (!(await reachable(databaseUrl, 5432))) {
  fail(`PostgreSQL is not answering at ${new URL(databaseUrl).host}. Start it, e.g.:
    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
}
if (!(await reachable(redisUrl, 6379))) {
  fail(`Redis is not answering at ${new URL(redisUrl).host}. Start it, e.g.:
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
}

// 3. Browser tests drive Debian's Chromium (never a downloaded browser).
if (mode === 'test') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot)
      fail(`Chromium is needed for the browser tests. Install it with:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk`);
    console.log('› installing Chromium and CJK fonts for the browser tests (apt-get)…');
    try {
      execSync(
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk',
        {
          stdio: 'inherit',
        },
      );
    } catch {
      fail('apt-get could not install chromium; install it by hand: apt-get install -y chromium');
    }
  }
}
