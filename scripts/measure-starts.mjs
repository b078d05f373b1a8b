// Times the two everyday starts from a checkout (docs/performance.md, "Starting from a checkout"):
//   `npm run web` until the server says it is listening, and `npm run cli -- --help` until it exits.
// Usage: node scripts/measure-starts.mjs [runs] [port]   (default 3 runs, port 7201)
// Each run starts `npm` in a process group of its own; the web server is stopped by a SIGTERM to npm alone, and
// any process of that group still alive half a second after npm ended is reported (and killed): there should be
// none.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';

const runs = Number(process.argv[2] ?? 3);
const port = process.argv[3] ?? '7201';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function timeWeb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-web-'));
  const args = ['run', 'web', '--', '--db', path.join(dir, 'm.sqlite'), '--port', port];
  const start = performance.now();
  const child = spawn(npm, args, { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Attendance (browser mode) on')) {
        const ms = performance.now() - start;
        // SIGTERM to npm alone, as a supervisor or `kill PID` would send it: nothing of the group may outlive it.
        child.kill('SIGTERM');
        child.on('exit', () => {
          setTimeout(() => {
            const left = groupAlive(child.pid);
            if (left) {
              process.kill(-child.pid, 'SIGKILL');
            }
            fs.rmSync(dir, { recursive: true, force: true });
            resolve({ ms, left });
          }, 500);
        });
      }
    });
    child.on('exit', (code) => {
      if (!out.includes('Attendance (browser mode) on')) {
        reject(new Error(`npm run web ended (${code}) before listening:\n${out}`));
      }
    });
  });
}

function timeCliHelp() {
  const start = performance.now();
  const child = spawn(npm, ['run', '--silent', 'cli', '--', '--help'], { detached: true, stdio: 'ignore' });
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      setTimeout(() => resolve({ ms, code, left: groupAlive(child.pid) }), 500);
    });
  });
}

const fmt = (xs) =>
  xs.map((x) => `${(x.ms / 1000).toFixed(2)} s${x.left ? ' (left a process)' : ''}`).join(', ');
const web = [];
const cli = [];
for (let i = 0; i < runs; i++) {
  web.push(await timeWeb());
  cli.push(await timeCliHelp());
}
process.stdout.write(`npm run web (to listening): ${fmt(web)}\n`);
process.stdout.write(`npm run cli -- --help: ${fmt(cli)} (exit ${cli.map((c) => c.code).join(', ')})\n`);
const left = [...web, ...cli].filter((r) => r.left).length;
process.stdout.write(`runs that left a process behind: ${left}\n`);
