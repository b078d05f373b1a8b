// The users channels: staff accounts, run by the admin (services in main/core/auth; the audit actions keep these names).
import { z } from 'zod';
import { ch } from '../contract-core';
import { UserRowSchema, displayName, id, newPassword, ok, position, roles, username } from './auth';

export const usersChannels = {
  'users.list': ch(
    z.object({ includeDisabled: z.boolean().optional() }),
    z.object({ users: z.array(UserRowSchema) }),
    ['admin', 'head'],
  ),
  'users.create': ch(
    z.object({ username, displayName, position, roles, password: newPassword }),
    z.object({ id }),
    ['admin'],
  ),
  'users.update': ch(
    z.object({
      id,
      displayName: displayName.optional(),
      position: position.optional(),
      roles: roles.optional(),
    }),
    z.object({ changed: z.array(z.string()) }),
    ['admin'],
    { write: true },
  ),
  'users.setLeaveAuthority': ch(z.object({ id, authorised: z.boolean() }), ok, ['head'], { write: true }),
  'users.resetPassword': ch(z.object({ id, password: newPassword }), ok, ['admin']),
  'users.disable': ch(
    z.object({ id, reason: z.string().trim().min(1, 'say why the account is disabled').max(300) }),
    ok,
    ['admin'],
    { write: true },
  ),
  'users.enable': ch(z.object({ id }), ok, ['admin'], { write: true }),
  'users.unlock': ch(z.object({ id }), ok, ['admin'], { write: true }),
} as const;
