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
import { addAccount, fastAuth } from '../helpers/auth';
import type { Store } from '../../main/core/db/connection';

let server: http.Server;
let port = 0;
let store: Store;

function request(opts: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

beforeAll(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  store = tempStore();
  fastAuth(store, new Date().toISOString());
  server = createServer(store, dir, 0);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  // the guard compares with the real port: rebuild the server now that we know it
  server.close();
  server = createServer(store, dir, port);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
});
afterAll(() => {
  server.close();
});

describe('browser-mode server', () => {
  it('answers rpc with an envelope', async () => {
    const r = await request({
      path: '/rpc/school.appStatus',
      method: 'POST',
      headers: { 'X-Attendance-Rpc': '1', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { hasSchool: false, dbPath: null } }); // no sign-in, no file path
  });

  it('refuses rpc without the app header, with a foreign Origin or with a foreign Host', async () => {
    expect((await request({ path: '/rpc/school.appStatus', method: 'POST', body: '{}' })).status).toBe(403);
    expect(
      (
        await request({
          path: '/rpc/school.appStatus',
          method: 'POST',
          headers: { 'X-Attendance-Rpc': '1', Origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request({
          path: '/rpc/school.appStatus',
          method: 'POST',
          headers: { 'X-Attendance-Rpc': '1', Host: `evil.example:${port}` },
          body: '{}',
        })
      ).status,
    ).toBe(403);
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
    const r = await request({
      path: '/rpc/school.appStatus',
      method: 'POST',
      headers: { 'X-Attendance-Rpc': '1' },
      body: '{nope',
    });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('the guard accepts only our own host and origin', () => {
    const base = { method: 'POST', host: '127.0.0.1:5174', origin: 'http://127.0.0.1:5174', rpcHeader: '1' };
    expect(refuseReason(base, 5174, true)).toBeNull();
    expect(refuseReason({ ...base, origin: undefined }, 5174, true)).toBeNull();
    expect(
      refuseReason({ ...base, host: 'localhost:5174', origin: 'http://localhost:5174' }, 5174, true),
    ).toBeNull();
    expect(refuseReason({ ...base, host: 'rebind.example:5174' }, 5174, true)).toBe('foreign Host');
    expect(refuseReason({ ...base, origin: 'null' }, 5174, true)).toBe('foreign Origin');
    expect(refuseReason({ ...base, method: 'GET' }, 5174, true)).toBe('rpc needs POST');
    expect(refuseReason({ ...base, rpcHeader: undefined }, 5174, true)).toBe('missing app header');
  });

  const rpc = async (channel: string, body: unknown, token?: string) =>
    JSON.parse(
      (
        await request({
          path: `/rpc/${channel}`,
          method: 'POST',
          body: JSON.stringify(body),
          headers: {
            'X-Attendance-Rpc': '1',
            'Content-Type': 'application/json',
            ...(token ? { 'X-Attendance-Session': token } : {}),
          },
        })
      ).body,
    );

  it('without a session token only public channels answer; a made-up token is no better', async () => {
    expect(await rpc('auth.me', {})).toMatchObject({ ok: true, value: { me: null } });
    expect(await rpc('school.get', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await rpc('pupils.list', {}, 'made-up-token')).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await rpc('users.list', {}, 'x'.repeat(500))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('a sign-in returns a token that the next calls send; signing out ends it', async () => {
    addAccount(store, 'webhead', ['head']);
    expect(await rpc('auth.signIn', { username: 'webhead', password: 'wrong password' })).toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });
    const r = await rpc('auth.signIn', { username: 'webhead', password: 'webhead-password-1' });
    expect(r).toMatchObject({ ok: true, value: { me: { username: 'webhead', roles: ['head'] } } });
    const token = r.value.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await rpc('pupils.list', {}, token)).toMatchObject({ ok: true, value: { pupils: [] } });
    expect(await rpc('auth.me', {}, token)).toMatchObject({
      ok: true,
      value: { me: { username: 'webhead' } },
    });
    expect(await rpc('auth.signOut', {}, token)).toMatchObject({ ok: true });
    expect(await rpc('pupils.list', {}, token)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await rpc('auth.me', {}, token)).toMatchObject({ ok: true, value: { me: null } });
  });
});
