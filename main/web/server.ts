// Browser mode: serves the built renderer and the same rpc as Electron's IPC, on 127.0.0.1 only.
// Usage: node dist/web/server.cjs [--db FILE] [--port N] [--demo [--secondary]]
import { assertNodeVersion } from '../core/node-version';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHANNELS, type Channel } from '../../shared/contract';
import { openStore, type Store } from '../core/db/connection';
import { callWithToken, SESSION_HEADER } from '../core/auth/door';
import { readSchool } from '../core/school/school.service';
import { createDemoSchool } from '../core/demo/demo';
import { RPC_HEADER, refuseReason } from './guard';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Every rpc runs as the account whose session token the page sends (header x-attendance-session), or anonymously. */
export function createServer(store: Store, staticDir: string, port: number): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isRpc = url.pathname.startsWith('/rpc/');
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
    const sec = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (why) {
      res.writeHead(403, { 'Content-Type': 'text/plain', ...sec });
      res.end(`Refused: ${why}`);
      return;
    }
    if (isRpc) {
      const channel = decodeURIComponent(url.pathname.slice(5)) as Channel;
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 60_000_000) {
          chunks.push(c);
        }
      });
      req.on('end', () => {
        let result;
        if (size > 60_000_000) {
          result = { ok: false, error: { kind: 'invalid', message: 'The request is too large.' } };
        } else if (!CHANNELS.includes(channel)) {
          result = { ok: false, error: { kind: 'not_found', message: `unknown channel ${channel}` } };
        } else {
          let input: unknown;
          try {
            input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          } catch {
            input = Symbol('bad');
          }
          result =
            typeof input === 'symbol'
              ? { ok: false, error: { kind: 'invalid', message: 'The request is not JSON.' } }
              : callWithToken(store, sessionToken(req), channel, input);
        }
        res.writeHead(200, { 'Content-Type': 'application/json', ...sec });
        res.end(JSON.stringify(result));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, sec);
      res.end();
      return;
    }
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = path.join(staticDir, rel || 'index.html');
    if (
      !file.startsWith(path.resolve(staticDir)) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      file = path.join(staticDir, 'index.html');
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      ...sec,
    });
    fs.createReadStream(file).pipe(res);
  });
}

function sessionToken(req: http.IncomingMessage): string | undefined {
  const v = req.headers[SESSION_HEADER];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
}

function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5174' },
      demo: { type: 'boolean', default: false },
      secondary: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const root = path.resolve(__dirname, '..', '..');
  const dbPath = values.db ?? path.join(root, 'data', values.demo ? 'demo.sqlite' : 'attendance.sqlite');
  const store = openStore(dbPath);
  if (values.demo && !readSchool(store.db)) {
    process.stdout.write('Creating the demo school (first start only)…\n');
    createDemoSchool(store, values.secondary ? { kind: 'secondary' } : {});
  }
  const port = Number(values.port);
  const staticDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first.');
  }
  createServer(store, staticDir, port).listen(port, '127.0.0.1', () => {
    process.stdout.write(`Attendance (browser mode) on http://127.0.0.1:${port}/  database: ${dbPath}\n`);
  });
  const close = () => {
    store.db.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

if (require.main === module) {
  assertNodeVersion();
  try {
    main();
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
