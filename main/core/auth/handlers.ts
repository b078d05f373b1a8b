// Handlers of the auth channels (shared/channels/auth.ts).
import type { HandlersFor } from '../dispatch';
import type { authChannels } from '../../../shared/channels/auth';
import {
  changePassword,
  createUser,
  disableUser,
  enableUser,
  firstAdmin,
  listUsers,
  lock,
  me,
  readAuthSettings,
  resetPassword,
  setAuthSettings,
  setLeaveAuthority,
  signIn,
  signOut,
  unlock,
  unlockUser,
  updateUser,
} from './auth.service';
import { demoAccounts } from './demo-accounts';
import { listAudit } from './audit.service';

export const authHandlers: HandlersFor<keyof typeof authChannels> = {
  'auth.me': me,
  'auth.signIn': signIn,
  'auth.firstAdmin': firstAdmin,
  'auth.demoAccounts': demoAccounts,
  'auth.signOut': signOut,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'auth.getSettings': (ctx) => readAuthSettings(ctx.store.db),
  'auth.setSettings': setAuthSettings,
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.setLeaveAuthority': setLeaveAuthority,
  'users.resetPassword': resetPassword,
  'users.disable': disableUser,
  'users.enable': enableUser,
  'users.unlock': unlockUser,
  'audit.list': listAudit,
};
