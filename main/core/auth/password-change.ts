// A signed-in account changing its own password: the current one checked, the new one hashed outside any
// transaction, and the account's other sessions ended. An administrator's reset is in ./accounts.ts.
import type { Ctx } from '../context';
import type { Input, Output } from '../../../shared/contract';
import { AppError } from '../errors';
import { hashCostFor, hashPassword, passwordProblem, verifyPassword } from './password';
import { audit, clock } from './auth.service';
import { needAccount } from './sessions';
import { label } from './user-rows';

export function changePassword(ctx: Ctx, i: Input<'auth.changePassword'>): Output<'auth.changePassword'> {
  const { u } = needAccount(ctx);
  const db = ctx.store.db;
  if (!verifyPassword(i.current, u.password_hash)) {
    throw new AppError('invalid', 'current: the current password is not right', [
      { path: 'current', message: 'the current password is not right' },
    ]);
  }
  const problem =
    passwordProblem(i.next, u.username) ??
    (i.next === i.current ? 'the new password must differ from the current one' : null);
  if (problem) {
    throw new AppError('invalid', `next: ${problem}`, [{ path: 'next', message: problem }]);
  }
  const hash = hashPassword(i.next, hashCostFor(ctx.store));
  const at = clock(ctx.store).toISOString();
  db.transaction(() => {
    db.prepare(
      'UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ?, updated_at = ? WHERE id = ?',
    ).run(hash, at, at, u.id);
    // Other sign-ins of this account end: a changed password shuts out whoever else knew the old one.
    db.prepare(
      "UPDATE auth_sessions SET ended_at = ?, end_reason = 'password changed' WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ?",
    ).run(at, u.id, ctx.session.authSessionId ?? null);
    audit(db, at, label(u), 'auth.changePassword', 'user', u.id);
  }).immediate();
  return { ok: true };
}
