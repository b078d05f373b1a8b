// The parts of a request the server reads, taken apart without ever throwing: a path that does not decode (a
// malformed percent-escape such as /%E0%A4%A) is a bad request, answered 400, never an exception that ends the
// process. Any web page can send such a path with an image tag, without signing in.
import type http from 'node:http';

/** The decoded path of a request (no query, no fragment), or null when it is not a well-formed path. */
export function requestPath(rawUrl: string | undefined): string | null {
  const raw = (rawUrl ?? '/').split(/[?#]/, 1)[0];
  if (!raw.startsWith('/')) {
    return null; // absolute-form or asterisk-form targets are not for us
  }
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** A plain-text answer, unless the response has already started (then the connection is ended). */
export function plain(res: http.ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(text);
}
