// Accounts on a real database: the first administrator, sign-in and its failures, lock-out, disabled accounts,
// password change and reset, the idle lock, role changes and the append-only audit trail.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/dispatch';
import { ANONYMOUS, type Session } from '../../shared/contract';
import { resolveSession } from '../../main/core/auth/sessions';
import { UNKNOWN_USERNAME, WRONG_CREDENTIALS } from '../../main/core/auth/sign-in';
import { ok, pupilRow, PUPIL_HEADER, rowCount, setupSchool, tempStore, upn } from '../helpers/store';
import { HIDDEN_DETAIL } from '../../main/core/auth/audit.service';
import { addAccount, fastAuth, signInAs } from '../helpers/auth';
import type { Store } from '../../main/core/db/connection';

const FIRST = {
  username: 'itadmin',
  displayName: 'Ivy Admin',
  position: 'IT technician',
  password: 'first admin pass 1',
};

function fresh() {
  const s = tempStore();
  const clock = fastAuth(s);
  const first = dispatch(s, 'auth.firstAdmin', FIRST, ANONYMOUS);
  if (!first.ok) {
    throw new Error(first.error.message);
  }
  const admin = () => resolveSession(s, first.value.token!, ANONYMOUS);
  return { s, clock, admin };
}
const fail = (s: Store, username: string, password: string) => {
  const r = dispatch(s, 'auth.signIn', { username, password }, ANONYMOUS);
  if (r.ok) {
    throw new Error('signed in');
  }
  return r.error;
};
const audits = (s: Store, action: string) =>
  s.db.prepare('SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
    actor: string;
    detail: string | null;
  }[];

describe('the first administrator', () => {
  it('is created on first run, anonymously, and signed in; a second attempt is refused once any account exists', () => {
    const s = tempStore();
    fastAuth(s);
    expect(ok(s, 'auth.me', {}, ANONYMOUS)).toEqual({ me: null, needsFirstAdmin: true, idleLockMinutes: 10 });
    const r = ok(s, 'auth.firstAdmin', FIRST, ANONYMOUS);
    expect(r.me).toMatchObject({
      username: 'itadmin',
      roles: ['admin'],
      mustChangePassword: false,
      locked: false,
    });
    const session = resolveSession(s, r.token!, ANONYMOUS);
    expect(session).toMatchObject({ userName: 'Ivy Admin (itadmin)', roles: ['admin'], userId: r.me.userId });
    expect(ok(s, 'auth.me', {}, session).me?.username).toBe('itadmin');
    const again = dispatch(s, 'auth.firstAdmin', { ...FIRST, username: 'sneaky' }, ANONYMOUS);
    expect(again).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(rowCount(s, 'users')).toBe(1);
    expect(audits(s, 'users.create')).toHaveLength(1);
    expect(audits(s, 'auth.signIn')[0].actor).toBe('Ivy Admin (itadmin)');
  });

  it('refuses a weak first password, naming the field, and creates nothing', () => {
    const s = tempStore();
    fastAuth(s);
    const r = dispatch(s, 'auth.firstAdmin', { ...FIRST, password: 'short' }, ANONYMOUS);
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid', issues: [{ path: 'password' }] } });
    expect(rowCount(s, 'users')).toBe(0);
  });

  it('then sets up the school; an office account may not', () => {
    const { s, admin } = fresh();
    setupSchoolAs(s, admin());
    expect(rowCount(s, 'school')).toBe(1);
    const t = tempStore();
    fastAuth(t);
    addAccount(t, 'office1', ['office']);
    const r = dispatch(
      t,
      'school.setup',
      { school: SCHOOL_X, academicYear: 2026, ranges: [] },
      signInAs(t, 'office1').session(),
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

const SCHOOL_X = {
  name: 'X',
  urn: null,
  laCode: null,
  estab: null,
  address: null,
  amOpens: '08:40',
  pmOpens: '13:10',
  registerOpenMinutes: 30,
  championName: null,
  championPosition: null,
  atRiskLowerPct: 5,
};
function setupSchoolAs(s: Store, session: Session) {
  ok(s, 'school.setup', { school: SCHOOL_X, academicYear: 2026, ranges: [] }, session);
}

describe('signing in', () => {
  it('answers a wrong password and an unknown username in the same words, and logs both', () => {
    const { s } = fresh();
    const a = fail(s, 'itadmin', 'not the password');
    const b = fail(s, 'nobody.here', 'not the password');
    expect(a).toEqual({ kind: 'refused', message: WRONG_CREDENTIALS });
    expect(b).toEqual(a);
    const logged = audits(s, 'auth.signInFailed').map((r) => JSON.parse(r.detail!).username);
    expect(logged).toEqual(['itadmin', UNKNOWN_USERNAME]);
  });

  it('never writes a name that is no account (perhaps a password typed in the username box) to the audit log', () => {
    const { s } = fresh();
    fail(s, 'Tr0ub4dor&3-secret', 'x');
    const all = JSON.stringify(s.db.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain('Tr0ub4dor');
    expect(audits(s, 'auth.signInFailed')).toHaveLength(1);
  });

  it('ignores the case of the username and gives the session the account’s roles', () => {
    const { s } = fresh();
    addAccount(s, 'Lead.One', ['lead', 'office']);
    const session = signInAs(s, 'LEAD.one', 'Lead.One-password-1').session();
    expect(session.roles).toEqual(['office', 'lead']);
    expect(ok(s, 'pupils.list', {}, session).pupils).toEqual([]);
  });

  it('delays after repeated failures and locks the name after five, for a known or unknown name alike; the admin unlocks', () => {
    const { s, clock, admin } = fresh();
    const id = addAccount(s, 'office1', ['office']);
    for (const name of ['office1', 'ghost']) {
      expect(fail(s, name, 'wrong password 1').message).toBe(WRONG_CREDENTIALS);
      expect(fail(s, name, 'wrong password 2').message).toBe(WRONG_CREDENTIALS);
      // the third try comes too soon: refused without looking at the password, even the right one
      expect(fail(s, name, `${name}-password-1`).message).toMatch(/wait 1 second before trying again/);
      clock.advance(1000);
      expect(fail(s, name, 'wrong password 3').message).toBe(WRONG_CREDENTIALS);
      clock.advance(2000);
      expect(fail(s, name, 'wrong password 4').message).toBe(WRONG_CREDENTIALS);
      clock.advance(4000);
      expect(fail(s, name, 'wrong password 5').message).toMatch(
        /^The username or password is not right\. Too many failed sign-ins: this username is locked until \d\d:\d\d\.$/,
      );
      clock.advance(60_000);
      expect(fail(s, name, `${name}-password-1`).message).toMatch(
        /locked until \d\d:\d\d\. Try again then, or ask the administrator/,
      );
    }
    expect(audits(s, 'auth.lockedOut').map((r) => r.actor)).toEqual(['office1', UNKNOWN_USERNAME]);
    expect(ok(s, 'users.list', {}, admin()).users.find((u) => u.id === id)?.lockedUntil).toMatch(
      /^2026-12-01T09:/,
    );
    ok(s, 'users.unlock', { id }, admin());
    expect(signInAs(s, 'office1').session().roles).toEqual(['office']);
    expect(fail(s, 'ghost', 'ghost-password-1').message).toMatch(/locked/); // still locked: no account to unlock
    clock.advance(15 * 60_000);
    expect(fail(s, 'ghost', 'anything at all').message).toBe(WRONG_CREDENTIALS); // the lock-out ran out
  });

  it('a disabled account is told so only with the right password; its sessions end and it is kept, not deleted', () => {
    const { s, admin } = fresh();
    const id = addAccount(s, 'office1', ['office']);
    const before = signInAs(s, 'office1');
    ok(s, 'users.disable', { id, reason: 'left the school' }, admin());
    expect(before.session()).toEqual(ANONYMOUS);
    expect(fail(s, 'office1', 'wrong password!')).toEqual({ kind: 'refused', message: WRONG_CREDENTIALS });
    expect(fail(s, 'office1', 'office1-password-1').message).toMatch(/disabled/);
    expect(ok(s, 'users.list', {}, admin()).users.find((u) => u.id === id)).toMatchObject({
      disabledReason: 'left the school',
      disabledBy: 'Ivy Admin (itadmin)',
    });
    expect(() => s.db.prepare('DELETE FROM users WHERE id = ?').run(id)).toThrow(/append-only/);
    ok(s, 'users.enable', { id }, admin());
    expect(signInAs(s, 'office1').session().roles).toEqual(['office']);
  });

  it('the only active administrator cannot be disabled, lose the role, or disable themself', () => {
    const { s, admin } = fresh();
    const me = admin().userId!;
    expect(dispatch(s, 'users.disable', { id: me, reason: 'x' }, admin())).toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });
    expect(dispatch(s, 'users.update', { id: me, roles: ['head'] }, admin())).toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });
    expect(ok(s, 'users.list', {}, admin()).users[0].roles).toEqual(['admin']);
  });

  it('signing out ends the session: the token no longer resolves', () => {
    const { s } = fresh();
    addAccount(s, 'head1', ['head']);
    const h = signInAs(s, 'head1');
    ok(s, 'auth.signOut', {}, h.session());
    expect(h.session()).toEqual(ANONYMOUS);
    expect(audits(s, 'auth.signOut')[0].actor).toBe('User head1 (head1)');
    const ended = s.db
      .prepare(
        'SELECT end_reason FROM auth_sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)',
      )
      .get('head1') as { end_reason: string };
    expect(ended.end_reason).toBe('signed out');
  });
});

describe('passwords', () => {
  it('a user changes their own password with the current one; other sessions of the account end', () => {
    const { s } = fresh();
    addAccount(s, 'lead1', ['lead']);
    const a = signInAs(s, 'lead1'),
      b = signInAs(s, 'lead1');
    expect(
      dispatch(s, 'auth.changePassword', { current: 'wrong one!!', next: 'a brand new phrase' }, a.session()),
    ).toMatchObject({ ok: false, error: { kind: 'invalid', issues: [{ path: 'current' }] } });
    expect(
      dispatch(s, 'auth.changePassword', { current: 'lead1-password-1', next: 'short' }, a.session()),
    ).toMatchObject({ ok: false, error: { kind: 'invalid', issues: [{ path: 'next' }] } });
    ok(s, 'auth.changePassword', { current: 'lead1-password-1', next: 'a brand new phrase' }, a.session());
    expect(a.session().roles).toEqual(['lead']);
    expect(b.session()).toEqual(ANONYMOUS);
    expect(fail(s, 'lead1', 'lead1-password-1').message).toBe(WRONG_CREDENTIALS);
    expect(signInAs(s, 'lead1', 'a brand new phrase').session().roles).toEqual(['lead']);
  });

  it('an administrator’s reset ends the account’s sessions and makes the next sign-in choose a new password first', () => {
    const { s, admin } = fresh();
    setupSchoolAs(s, admin());
    const id = addAccount(s, 'office1', ['office']);
    const old = signInAs(s, 'office1');
    ok(s, 'users.resetPassword', { id, password: 'temporary pass 1' }, admin());
    expect(old.session()).toEqual(ANONYMOUS);
    const fresh1 = signInAs(s, 'office1', 'temporary pass 1');
    expect(fresh1.session().restriction).toBe('mustChange');
    expect(ok(s, 'auth.me', {}, fresh1.session()).me?.mustChangePassword).toBe(true);
    expect(dispatch(s, 'pupils.list', {}, fresh1.session())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/new password first/) },
    });
    ok(
      s,
      'auth.changePassword',
      { current: 'temporary pass 1', next: 'my own new phrase' },
      fresh1.session(),
    );
    expect(fresh1.session().restriction).toBeUndefined();
    expect(ok(s, 'pupils.list', {}, fresh1.session()).pupils).toEqual([]);
    expect(audits(s, 'users.resetPassword')).toHaveLength(1);
  });

  it('a good sign-in re-hashes a password stored at a lower cost than the one now wanted', async () => {
    const { s } = fresh();
    const { setHashCost } = await import('../../main/core/auth/password');
    addAccount(s, 'head1', ['head']);
    setHashCost(s, { N: 2 ** 11, r: 8, p: 1 });
    signInAs(s, 'head1');
    const h = (
      s.db.prepare("SELECT password_hash AS h FROM users WHERE username = 'head1'").get() as { h: string }
    ).h;
    expect(h).toMatch(/^scrypt\$2048\$8\$1\$/);
  });
});

describe('the idle lock', () => {
  it('a locked session may only unlock or sign out; a wrong password counts as a failed sign-in; the right one unlocks', () => {
    const { s } = fresh();
    addAccount(s, 'office1', ['office']);
    const o = signInAs(s, 'office1');
    ok(s, 'auth.lock', {}, o.session());
    expect(o.session().restriction).toBe('locked');
    expect(ok(s, 'auth.me', {}, o.session()).me?.locked).toBe(true);
    expect(dispatch(s, 'pupils.list', {}, o.session())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/locked/) },
    });
    expect(
      dispatch(
        s,
        'auth.changePassword',
        { current: 'office1-password-1', next: 'another phrase here' },
        o.session(),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(dispatch(s, 'auth.unlock', { password: 'not it at all' }, o.session())).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: WRONG_CREDENTIALS },
    });
    expect(JSON.parse(audits(s, 'auth.signInFailed')[0].detail!)).toMatchObject({
      username: 'office1',
      door: 'unlock',
    });
    ok(s, 'auth.unlock', { password: 'office1-password-1' }, o.session());
    expect(o.session().restriction).toBeUndefined();
  });

  it('the door locks a session left idle longer than the school’s idle time, even if the screen never locked itself', () => {
    const { s, clock, admin } = fresh();
    ok(s, 'auth.setSettings', { idleLockMinutes: 3, maxFailures: 5, lockoutMinutes: 15 }, admin());
    addAccount(s, 'office1', ['office']);
    const o = signInAs(s, 'office1');
    clock.advance(2 * 60_000);
    expect(o.session().restriction).toBeUndefined(); // this call counts as use
    clock.advance(2 * 60_000);
    expect(o.session().restriction).toBeUndefined();
    clock.advance(3 * 60_000 + 1000);
    expect(o.session().restriction).toBe('locked');
    expect(ok(s, 'auth.me', {}, ANONYMOUS).idleLockMinutes).toBe(3);
  });

  it('a session unused for 12 hours has ended', () => {
    const { s, clock } = fresh();
    addAccount(s, 'office1', ['office']);
    const o = signInAs(s, 'office1');
    clock.advance(12 * 3600_000 + 1000);
    expect(o.session()).toEqual(ANONYMOUS);
  });
});

describe('roles and the audit log', () => {
  it('a role change is written to the audit log with the roles before and after', () => {
    const { s, admin } = fresh();
    const id = addAccount(s, 'office1', ['office']);
    expect(
      ok(s, 'users.update', { id, roles: ['lead', 'office'], position: 'Attendance officer' }, admin())
        .changed,
    ).toEqual(['position', 'roles']);
    const roles = audits(s, 'users.roles');
    expect(roles).toHaveLength(1);
    expect(roles[0].actor).toBe('Ivy Admin (itadmin)');
    expect(JSON.parse(roles[0].detail!)).toEqual({
      username: 'office1',
      before: ['office'],
      after: ['office', 'lead'],
      byThemselves: false,
    });
    expect(ok(s, 'users.update', { id, roles: ['office', 'lead'] }, admin()).changed).toEqual([]);
    expect(audits(s, 'users.roles')).toHaveLength(1);
  });

  it('only the headteacher names a person authorised for leave; the session carries it', () => {
    const { s, admin } = fresh();
    const id = addAccount(s, 'lead1', ['lead']);
    addAccount(s, 'head1', ['head']);
    expect(dispatch(s, 'users.setLeaveAuthority', { id, authorised: true }, admin())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(dispatch(s, 'users.update', { id, authorisedForLeave: true } as never, admin())).toMatchObject({
      ok: true,
      value: { changed: [] },
    });
    expect(signInAs(s, 'lead1').session().authorisedForLeave).toBe(false);
    ok(s, 'users.setLeaveAuthority', { id, authorised: true }, signInAs(s, 'head1').session());
    expect(signInAs(s, 'lead1').session().authorisedForLeave).toBe(true);
    expect(signInAs(s, 'head1').session().authorisedForLeave).toBe(true);
    expect(audits(s, 'users.leaveAuthority')[0].actor).toBe('User head1 (head1)');
  });

  it('the audit log cannot be changed or deleted, and lists newest first with filters and pages', () => {
    const { s, admin, clock } = fresh();
    addAccount(s, 'office1', ['office']);
    for (let i = 0; i < 7; i++) {
      signInAs(s, 'office1');
      clock.advance(1000);
    }
    fail(s, 'office1', 'wrong password!');
    expect(() => s.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    const page1 = ok(s, 'audit.list', { action: 'auth.signIn', actor: 'office1', limit: 5 }, admin());
    expect(page1.total).toBe(7);
    expect(page1.rows).toHaveLength(5);
    expect(page1.rows[0].id).toBeGreaterThan(page1.rows[4].id);
    const page2 = ok(
      s,
      'audit.list',
      { action: 'auth.signIn', actor: 'office1', limit: 5, offset: 5 },
      admin(),
    );
    expect(page2.rows).toHaveLength(2);
    expect(page1.actions).toEqual(
      expect.arrayContaining(['auth.signIn', 'auth.signInFailed', 'users.create']),
    );
    expect(ok(s, 'audit.list', { from: '2026-12-02' }, admin()).total).toBe(0);
    expect(
      ok(s, 'audit.list', { from: '2026-12-01', to: '2026-12-01', action: 'auth.signInFailed' }, admin())
        .total,
    ).toBe(1);
    expect(ok(s, 'audit.list', { actor: '%' }, admin()).total).toBe(0); // LIKE wildcards are taken literally
  });

  it('an administrator without a staff role sees who changed a pupil and when, but not the pupil data in the detail', () => {
    const { s, admin } = fresh();
    setupSchoolAs(s, admin());
    addAccount(s, 'head1', ['head']);
    const head = signInAs(s, 'head1').session();
    ok(s, 'pupils.import', { csv: `${PUPIL_HEADER}\n${pupilRow(1)}` }, head);
    const forHead = ok(s, 'audit.list', { action: 'pupil.create' }, head).rows[0];
    expect(forHead.detail).toContain(upn(1));
    const forAdmin = ok(s, 'audit.list', { action: 'pupil.create' }, admin()).rows[0];
    expect(forAdmin).toMatchObject({ entity: 'pupil', actor: 'User head1 (head1)', detail: HIDDEN_DETAIL });
    expect(ok(s, 'audit.list', { action: 'users.create' }, admin()).rows[0].detail).toContain('head1');
  });

  it('the CLI’s local operator (no account) keeps working as before', () => {
    const s = tempStore();
    setupSchool(s);
    expect(rowCount(s, 'school')).toBe(1);
  });
});
