// The first administrator: the account created at the sign-in screen of a school with no accounts yet, signed in
// at once. It hashes outside any transaction and checks again inside the one that writes (see ./sign-in.ts).
import type { Ctx } from '../context';
import type { Input, Output } from '../../../shared/contract';
import { AppError } from '../errors';
import { hashCostFor, hashPassword, passwordProblem } from './password';
import { audit, clock } from './auth.service';
import { startSession } from './sign-in';
import { insertUser, label, meOf, userById, userByName, userCount } from './user-rows';

export function firstAdmin(ctx: Ctx, i: Input<'auth.firstAdmin'>): Output<'auth.firstAdmin'> {
  const { store } = ctx;
  const db = store.db;
  if (userCount(db) > 0) {
    throw new AppError('refused', 'The administrator account already exists: sign in instead.');
  }
  const problem = passwordProblem(i.password, i.username);
  if (problem) {
    throw new AppError('invalid', `password: ${problem}`, [{ path: 'password', message: problem }]);
  }
  const hash = hashPassword(i.password, hashCostFor(store));
  const at = clock(store).toISOString();
  const token = db
    .transaction(() => {
      if (userCount(db) > 0) {
        throw new AppError('refused', 'The administrator account already exists: sign in instead.');
      }
      const id = insertUser(db, { ...i, roles: ['admin'], mustChange: false }, hash, at);
      const u = userById(db, id)!;
      audit(db, at, label(u), 'users.create', 'user', id, {
        username: u.username,
        roles: ['admin'],
        firstAdmin: true,
      });
      return startSession(store, u, at, null);
    })
    .immediate();
  return { token, me: meOf(db, userById(db, userByName(db, i.username)!.id)!, false) };
}
