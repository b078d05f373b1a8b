// The browser-mode server on a real socket: same rpc as Electron, 127.0.0.1 only, refusing foreign Host/Origin
// and calls without the app's header.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../main/web/server';
import { refuseReason } from '../../main/web/guard';
import { tempDir, tempStore } from '../helpers/store';

let server: http.Server;
let port = 0;

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

beforeAll(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  const store = tempStore();
  server = createServer(store, dir, 0);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  // the guard compares with the real port: rebuild the server now that we know it
  server.close();
  server = createServer(store, dir, port);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
});
afterAll(() => { server.close(); });

describe('browser-mode server', () => {
  it('answers rpc with an envelope', async () => {
    const r = await request({ path: '/rpc/app.status', method: 'POST', headers: { 'X-Attendance-Rpc': '1', 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { hasSchool: false } });
  });

  it('refuses rpc without the app header, with a foreign Origin or with a foreign Host', async () => {
    expect((await request({ path: '/rpc/app.status', method: 'POST', body: '{}' })).status).toBe(403);
    expect((await request({ path: '/rpc/app.status', method: 'POST', headers: { 'X-Attendance-Rpc': '1', Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/rpc/app.status', method: 'POST', headers: { 'X-Attendance-Rpc': '1', Host: `evil.example:${port}` }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/', headers: { Host: 'attacker.example' } })).status).toBe(403);
  });

  it('serves the page with a strict CSP and never a file outside the renderer folder', async () => {
    const r = await request({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const t = await request({ path: '/../../../../etc/passwd' });
    expect(t.body).not.toMatch(/root:/);
  });

  it('bad JSON is an invalid envelope', async () => {
    const r = await request({ path: '/rpc/app.status', method: 'POST', headers: { 'X-Attendance-Rpc': '1' }, body: '{nope' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('the guard accepts only our own host and origin', () => {
    const base = { method: 'POST', host: '127.0.0.1:5174', origin: 'http://127.0.0.1:5174', rpcHeader: '1' };
    expect(refuseReason(base, 5174, true)).toBeNull();
    expect(refuseReason({ ...base, origin: undefined }, 5174, true)).toBeNull();
    expect(refuseReason({ ...base, host: 'localhost:5174', origin: 'http://localhost:5174' }, 5174, true)).toBeNull();
    expect(refuseReason({ ...base, host: 'rebind.example:5174' }, 5174, true)).toBe('foreign Host');
    expect(refuseReason({ ...base, origin: 'null' }, 5174, true)).toBe('foreign Origin');
    expect(refuseReason({ ...base, method: 'GET' }, 5174, true)).toBe('rpc needs POST');
    expect(refuseReason({ ...base, rpcHeader: undefined }, 5174, true)).toBe('missing app header');
  });
});
