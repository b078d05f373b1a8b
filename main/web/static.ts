// The built renderer's files. Only files inside the renderer folder are served; any other path gets the page.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { plain, SECURITY_HEADERS } from './request';

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
  const stream = fs.createReadStream(file);
  stream.on('error', () => plain(res, 404, 'Not found'));
  stream.on('open', () => {
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    stream.pipe(res);
  });
}
