// The Electron door's session keeping, without Electron: each window's sign-in lives in the main process, the page
// never receives the token, and closing the window ends the sign-in.
import { describe, expect, it } from 'vitest';
import { SessionKeeper } from '../../main/core/auth/door';
import { tempStore } from '../helpers/store';
import { addAccount, fastAuth } from '../helpers/auth';

describe('SessionKeeper (Electron windows)', () => {
  it('keeps the token per window, strips it from the answer, and ends the session on sign-out or when the window closes', () => {
    const s = tempStore();
    fastAuth(s, new Date().toISOString());
    addAccount(s, 'office1', ['office']);
    const k = new SessionKeeper();
    expect(k.call(s, 1, 'pupils.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const r = k.call(s, 1, 'auth.signIn', { username: 'office1', password: 'office1-password-1' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).not.toHaveProperty('token');
      expect(r.value).toMatchObject({ me: { username: 'office1' } });
    }
    expect(k.call(s, 1, 'pupils.list', {})).toMatchObject({ ok: true });
    expect(k.call(s, 2, 'pupils.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } }); // another window
    expect(k.call(s, 1, 'auth.signOut', {})).toMatchObject({ ok: true });
    expect(k.has(1)).toBe(false);
    expect(k.call(s, 1, 'pupils.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    k.call(s, 3, 'auth.signIn', { username: 'office1', password: 'office1-password-1' });
    k.call(s, 3, 'auth.signIn', { username: 'office1', password: 'office1-password-1' }); // again: the first one ends
    k.forget(s, 3);
    const reasons = (
      s.db.prepare('SELECT end_reason AS r FROM auth_sessions ORDER BY id').all() as { r: string | null }[]
    ).map((x) => x.r);
    expect(reasons).toEqual(['signed out', 'signed in again', 'window closed']);
  });
});
