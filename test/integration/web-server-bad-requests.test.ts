// Requests that once ended the browser-mode server (a malformed percent-escape in the path) and other shapes a
// hostile page or a broken client can send. The built server runs as its own process on a real socket: each bad
// request gets its answer (400, 404, 500 envelope), and the same process answers the next request.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';

let child: ChildProcess;
let port = 0;
let stderr = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function request(p: string, method = 'GET', headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: p, method, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** Writes raw bytes on a socket and returns the status line the server sends back. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (c) => (got += c.toString('latin1')));
    s.on('end', () => resolve(got.split('\r\n', 1)[0]));
    s.on('error', reject);
  });
}

const rpcHeaders = { 'X-Attendance-Rpc': '1', 'Content-Type': 'application/json' };
const alive = async () => {
  expect(child.exitCode).toBeNull();
  const r = await request('/rpc/school.appStatus', 'POST', rpcHeaders);
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true });
};

beforeAll(async () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'dist', 'renderer', 'assets', 'app-abc123.js'), 'console.log(1)');
  const outfile = path.join(root, 'dist', 'web', 'server.cjs');
  await build({
    entryPoints: ['main/web/server.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'electron', '@resvg/resvg-js'],
    logLevel: 'error',
  });
  port = await freePort();
  child = spawn(process.execPath, [outfile, '--db', path.join(root, 'e2e.sqlite'), '--port', String(port)], {
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (c) => (stderr += c));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c) => String(c).includes('browser mode') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
});

describe('the browser-mode server survives bad requests', () => {
  it.each(['/%E0%A4%A', '/assets/%', '/%', '/%C0%AF', '/a%00b', '/assets/%ZZ.js'])(
    'GET %s is a 400 and the server answers afterwards',
    async (p) => {
      const r = await request(p);
      expect(r.status).toBe(400);
      expect(r.body).toMatch(/not well formed/);
      await alive();
    },
  );

  it('POST /rpc/%ZZ and /rpc/%E0%A4%A are 400, not an exit', async () => {
    for (const p of ['/rpc/%ZZ', '/rpc/%E0%A4%A']) {
      expect((await request(p, 'POST', rpcHeaders)).status).toBe(400);
    }
    await alive();
  });

  it('an unknown channel is an envelope; a well-formed escape still decodes', async () => {
    const r = await request('/rpc/school%2EappStatus', 'POST', rpcHeaders);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    const u = await request('/rpc/no.such', 'POST', rpcHeaders);
    expect(JSON.parse(u.body)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('a request line the parser cannot read, or an absolute-form target, gets 400', async () => {
    expect(await raw('GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(
      await raw(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    ).toMatch(/^HTTP\/1\.1 400/);
    await alive();
  });

  it('a client that hangs up in the middle of a body leaves the server running', async () => {
    await new Promise<void>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.write(
          `POST /rpc/school.appStatus HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Attendance-Rpc: 1\r\nContent-Length: 1000\r\n\r\n{"a":`,
        );
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 50);
      });
    });
    await alive();
    expect(stderr).toBe('');
  });
});
