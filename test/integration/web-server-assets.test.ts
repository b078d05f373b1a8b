// The browser-mode server's static files: hashed assets are cached for a year and sent compressed (brotli when
// the browser takes it, else gzip); the page itself is never cached, so a new build shows on the next load.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../main/web/server';
import { encodingFor } from '../../main/web/static';
import { tempDir, tempStore } from '../helpers/store';

let server: http.Server;
let port = 0;
const SCRIPT = `console.log(${JSON.stringify('attendance '.repeat(500))});\n`;

function get(
  p: string,
  acceptEncoding?: string,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
    if (acceptEncoding) {
      headers['Accept-Encoding'] = acceptEncoding;
    }
    const req = http.request({ host: '127.0.0.1', port, path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const store = tempStore();
  server = createServer(store, dir, 0);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  server.close();
  server = createServer(store, dir, port);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
});
afterAll(() => {
  server.close();
});

describe('static files', () => {
  it('a hashed script is sent brotli-compressed, cached for a year, and decompresses to the file', async () => {
    const r = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(r.body).toString()).toBe(SCRIPT);
  });

  it('a browser that takes only gzip gets gzip; one that takes nothing gets the file as it is', async () => {
    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('the page is never cached; an image is not recompressed', async () => {
    const page = await get('/', 'br');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(zlib.brotliDecompressSync(page.body).toString()).toContain('<title>t</title>');
    const png = await get('/logo.png', 'br');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['cache-control']).toBe('no-store');
  });

  it('reads Accept-Encoding with weights and spaces', () => {
    expect(encodingFor('gzip;q=1.0, br;q=0.8')).toBe('br');
    expect(encodingFor(' GZIP ')).toBe('gzip');
    expect(encodingFor('identity')).toBeNull();
    expect(encodingFor('br;q=0, gzip')).toBe('gzip');
    expect(encodingFor(undefined)).toBeNull();
  });
});
