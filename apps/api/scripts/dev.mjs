// `npm run dev` for the API: TypeScript in watch mode (decorator metadata needs tsc, not esbuild)
// plus `node --watch` on the output, which restarts the API and worker on every rebuild.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = spawn('npx', ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  cwd: here,
  stdio: 'inherit',
});
const entry = path.join(here, 'dist', 'start.js');
let node;
const startNode = () => {
  node = spawn(process.execPath, ['--watch-path=dist', entry], { cwd: here, stdio: 'inherit' });
};
const waitForBuild = setInterval(() => {
  if (fs.existsSync(entry)) {
    clearInterval(waitForBuild);
    startNode();
  }
}, 500);
const stop = () => {
  tsc.kill();
  node?.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
