// One rpc call over HTTP: POST /rpc/<channel> with a JSON body, answered with the same envelope as Electron's IPC.
import type http from 'node:http';
import { CHANNELS, type Channel, type Result } from '../../shared/contract';
import type { Store } from '../core/db/connection';
import { callWithToken, SESSION_HEADER } from '../core/auth/door';
import { SECURITY_HEADERS } from './request';

const MAX_BODY = 60_000_000;

function sessionToken(req: http.IncomingMessage): string | undefined {
  const v = req.headers[SESSION_HEADER];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
}

function answer(store: Store, req: http.IncomingMessage, channel: string, body: Buffer): Result<unknown> {
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    return { ok: false, error: { kind: 'not_found', message: `unknown channel ${channel}` } };
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return { ok: false, error: { kind: 'invalid', message: 'The request is not JSON.' } };
  }
  try {
    return callWithToken(store, sessionToken(req), channel as Channel, input);
  } catch (e) {
    // dispatch already turns every failure into an envelope; this is the last line, for the session look-up
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { kind: 'internal', message: `Something went wrong: ${msg}` } };
  }
}

/** Reads the body (refusing more than 60 MB), then answers the call. `channel` is the decoded path after /rpc/. */
export function handleRpc(
  store: Store,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  channel: string,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= MAX_BODY) {
      chunks.push(c);
    }
  });
  req.on('end', () => {
    const result =
      size > MAX_BODY
        ? { ok: false, error: { kind: 'invalid', message: 'The request is too large.' } }
        : answer(store, req, channel, Buffer.concat(chunks));
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(JSON.stringify(result));
  });
}
