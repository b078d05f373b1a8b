// The built renderer's files. Only files inside the renderer folder are served; any other path gets the page.
// Hashed assets (assets/name-HASH.js) never change under their name: they are cached for a year and sent
// compressed (brotli or gzip, compressed once and kept in memory); the page itself is never cached, so a new
// build is picked up on the next load (docs/performance.md, "The renderer").
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { plain, SECURITY_HEADERS } from './request';
import { contentSecurityPolicy } from '../../shared/content-security-policy';

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
const CSP = contentSecurityPolicy("'self'");

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const YEAR = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';
const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();

/** The encoding to answer with: brotli when the browser takes it, else gzip, else none. */
export function encodingFor(acceptEncoding: string | undefined): Encoding | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase().split(';'))
    .filter(([, q]) => q === undefined || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name!.trim());
  if (accepted.includes('br')) {
    return 'br';
  }
  return accepted.includes('gzip') ? 'gzip' : null;
}

function compress(file: string, encoding: Encoding): Buffer {
  const key = `${encoding}:${file}`;
  const { mtimeMs } = fs.statSync(file);
  const hit = compressed.get(key);
  if (hit && hit.mtimeMs === mtimeMs) {
    return hit.body;
  }
  const raw = fs.readFileSync(file);
  const body =
    encoding === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
      : zlib.gzipSync(raw, { level: 9 });
  compressed.set(key, { mtimeMs, body });
  return body;
}

/** The file a decoded path names inside `staticDir`, or index.html. */
function fileFor(staticDir: string, decodedPath: string): string {
  const root = path.resolve(staticDir);
  const rel = path.normalize(decodedPath).replace(/^([/\\])+/, '');
  const file = path.resolve(root, rel || 'index.html');
  const inside = file === root || file.startsWith(root + path.sep);
  try {
    if (inside && fs.statSync(file).isFile()) {
      return file;
    }
  } catch {
    // not there: the page
  }
  return path.join(root, 'index.html');
}

export function serveStatic(
  staticDir: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  decodedPath: string,
): void {
  const file = fileFor(staticDir, decodedPath);
  const headers = {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'Cache-Control': HASHED.test(file) ? YEAR : 'no-store',
    Vary: 'Accept-Encoding',
    ...SECURITY_HEADERS,
  };
  const encoding = COMPRESSIBLE.has(path.extname(file)) ? encodingFor(req.headers['accept-encoding']) : null;
  if (encoding) {
    let body: Buffer;
    try {
      body = compress(file, encoding);
    } catch {
      plain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => plain(res, 404, 'Not found'));
  stream.on('open', () => {
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    stream.pipe(res);
  });
}
