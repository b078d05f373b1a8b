// Browser mode: serves the built renderer and the same rpc as Electron's IPC, on 127.0.0.1 only.
// Usage: node dist/web/server.cjs [--db FILE] [--key-file FILE] [--port N] [--demo [--secondary]]
import { assertNodeVersion } from '../core/node-version';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, type Store } from '../core/db/connection';
import { readSchool } from '../core/school/school.service';
import { createDemoSchool } from '../core/demo/demo';
import { keyFromOptions } from '../core/db/cipher';
import { startBackupSchedule } from '../core/backups/schedule';
import { resumeBatches } from '../core/letters/batches';
import { stopJobs } from '../core/letters/jobs';
import { RPC_HEADER, refuseReason } from './guard';
import { plain, requestPath } from './request';
import { handleRpc } from './rpc';
import { serveStatic } from './static';

/**
 * Every rpc runs as the account whose session token the page sends (header x-attendance-session), or anonymously.
 * Nothing a request carries can end the process: the path is decoded inside the handler (a malformed escape is a
 * 400), and anything that still throws is a 500 for that request alone.
 */
export function createServer(store: Store, staticDir: string, port: number): http.Server {
  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => req.destroy());
    try {
      route(store, staticDir, port, req, res);
    } catch (e) {
      process.stderr.write(
        `browser mode: ${req.method} request failed: ${e instanceof Error ? e.stack : e}\n`,
      );
      plain(res, 500, 'Something went wrong on the server.');
    }
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    } else {
      socket.destroy();
    }
  });
  return server;
}

function route(
  store: Store,
  staticDir: string,
  port: number,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
  const isRpc = rawPath.startsWith('/rpc/');
  const why = refuseReason(
    {
      method: req.method ?? 'GET',
      host: req.headers.host,
      origin: req.headers.origin,
      rpcHeader: req.headers[RPC_HEADER] as string | undefined,
    },
    port,
    isRpc,
  );
  if (why) {
    plain(res, 403, `Refused: ${why}`);
    return;
  }
  const decoded = requestPath(req.url);
  if (decoded === null) {
    plain(res, 400, 'Bad request: the address is not well formed.');
    return;
  }
  if (isRpc) {
    handleRpc(store, req, res, decoded.slice(5));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed');
    return;
  }
  serveStatic(staticDir, req, res, decoded);
}

function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5174' },
      demo: { type: 'boolean', default: false },
      'key-file': { type: 'string' },
      secondary: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const root = path.resolve(__dirname, '..', '..');
  const dbPath = values.db ?? path.join(root, 'data', values.demo ? 'demo.sqlite' : 'attendance.sqlite');
  const store = openStore(dbPath, { key: keyFromOptions(values['key-file']) });
  if (values.demo && !readSchool(store.db)) {
    process.stdout.write('Creating the demo school (first start only)…\n');
    createDemoSchool(store, values.secondary ? { kind: 'secondary' } : {});
  }
  const stopBackups = startBackupSchedule(store);
  resumeBatches(store); // a batch of letters stopped part-way by the last close (main/core/letters/batches.ts)
  const port = Number(values.port);
  const staticDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first.');
  }
  const server = createServer(store, staticDir, port);
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? `port ${port} is already in use (try --port)` : e.message;
    process.stderr.write(`Cannot start browser mode: ${why}\n`);
    store.db.close();
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`Attendance (browser mode) on http://127.0.0.1:${port}/  database: ${dbPath}\n`);
  });
  const close = () => {
    stopBackups();
    stopJobs();
    store.db.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

/** Starts browser mode with these arguments; a bad option or an unbuilt renderer ends the process with exit 1. */
export function start(argv: string[]): void {
  assertNodeVersion();
  try {
    main(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

// Run directly (node dist/web/server.cjs …) or loaded by scripts/run.mjs, which calls start() itself.
if (require.main === module) {
  start(process.argv.slice(2));
}
