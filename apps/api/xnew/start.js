"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm start`: runs the HTTP API and the queue worker as two processes (as production does with
 * separate containers) and stops both when either stops or on SIGINT/SIGTERM.
 */
const node_child_process_1 = require("node:child_process");
const node_path_1 = __importDefault(require("node:path"));
const children = [];
let stopping = false;
function stopAll(code) {
    if (stopping)
        return;
    stopping = true;
    for (const child of children)
        if (child.exitCode === null)
            child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 10_000).unref();
    const running = children.filter((child) => child.exitCode === null);
    Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(() => process.exit(code), () => process.exit(code));
}
for (const entry of ['main.js', 'main.worker.js']) {
    const child = (0, node_child_process_1.fork)(node_path_1.default.join(__dirname, entry), { stdio: 'inherit' });
    child.on('exit', (code, signal) => {
        if (!stopping) {
            console.error(`${entry} exited (${signal ?? code}); stopping the portal`);
            stopAll(code ?? 1);
        }
    });
    children.push(child);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
//# sourceMappingURL=start.js.map