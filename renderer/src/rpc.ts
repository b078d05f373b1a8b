// The renderer's only way to reach the core: one typed call per contract channel, through Electron's preload
// (window.attendance.rpc) or, in browser mode, the local server's /rpc endpoint with the sign-in's session token.
import type { Channel, Input, Output, Result } from '../../shared/contract';
import { authChanged, readToken, rememberToken } from './auth/token';

declare global {
  interface Window {
    attendance?: {
      rpc(channel: string, input: unknown): Promise<unknown>;
      chooseFolder?(defaultPath: string): Promise<string | null>;
    };
  }
}

export class RpcFailure extends Error {
  constructor(public readonly error: Extract<Result<unknown>, { ok: false }>['error']) {
    super(error.message);
  }
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let res: Result<Output<C>>;
  if (window.attendance) {
    res = (await window.attendance.rpc(channel, input)) as Result<Output<C>>;
  } else {
    const token = readToken();
    const r = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Attendance-Rpc': '1',
        ...(token ? { 'X-Attendance-Session': token } : {}),
      },
      body: JSON.stringify(input),
    });
    res = (await r.json()) as Result<Output<C>>;
  }
  if (res.ok && (channel === 'auth.signIn' || channel === 'auth.firstAdmin')) {
    rememberToken((res.value as { token?: string }).token ?? null);
  }
  if (channel === 'auth.signOut') {
    rememberToken(null);
  }
  // A refusal may mean the session ended or locked elsewhere (idle, reset, disabled): the sign-in gate looks again.
  if (!res.ok && res.error.kind === 'forbidden') {
    authChanged();
  }
  if (!res.ok) {
    throw new RpcFailure(res.error);
  }
  return res.value;
}
