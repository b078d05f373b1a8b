// Sessions at the doors. Browser mode: the page keeps the token (sessionStorage) and sends it in a header on
// every call; the server resolves it from the database each time. Electron: the main process keeps the token of
// each window (webContents) itself and never hands it to the page. Both call dispatch with the resolved Session.
import { ANONYMOUS, type Channel, type Result, type Session } from '../../../shared/contract';
import type { Store } from '../db/connection';
import { dispatch } from '../dispatch';
import { resolveSession } from './sessions';
import { tokenHash } from './password';

export const SESSION_HEADER = 'x-attendance-session';
const SIGNS_IN: Channel[] = ['auth.signIn', 'auth.firstAdmin'];

/** Browser mode: one call with the token the page sent (or none). */
export function callWithToken(
  store: Store,
  token: string | undefined,
  channel: Channel,
  input: unknown,
): Result<unknown> {
  const session: Session = resolveSession(store, token, ANONYMOUS);
  return dispatch(store, channel, input, session);
}

function endByToken(store: Store, token: string, reason: string): void {
  store.db
    .prepare(
      'UPDATE auth_sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL',
    )
    .run(new Date().toISOString(), reason, tokenHash(token));
}

/** Electron: the signed-in session of each window, kept in the main process. */
export class SessionKeeper {
  private readonly tokens = new Map<number, string>();

  call(store: Store, windowId: number, channel: Channel, input: unknown): Result<unknown> {
    const before = this.tokens.get(windowId);
    const r = dispatch(store, channel, input, resolveSession(store, before, ANONYMOUS));
    if (!r.ok) {
      return r;
    }
    if (SIGNS_IN.includes(channel)) {
      const { token, ...rest } = r.value as { token?: string };
      if (before) {
        endByToken(store, before, 'signed in again');
      }
      if (token) {
        this.tokens.set(windowId, token);
      }
      return { ok: true, value: rest }; // the page never holds the token
    }
    if (channel === 'auth.signOut') {
      this.tokens.delete(windowId);
    }
    return r;
  }

  /** The window closed: its sign-in ends. */
  forget(store: Store, windowId: number): void {
    const t = this.tokens.get(windowId);
    if (t) {
      endByToken(store, t, 'window closed');
    }
    this.tokens.delete(windowId);
  }

  has(windowId: number): boolean {
    return this.tokens.has(windowId);
  }
}
