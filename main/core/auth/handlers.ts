// Handlers of the auth channels (shared/channels/auth.ts).
import type { HandlersFor } from '../dispatch';
import type { authChannels } from '../../../shared/channels/auth';
import { readAuthSettings, setAuthSettings } from './auth.service';
import { firstAdmin } from './first-admin';
import { changePassword } from './password-change';
import { lock, me, signOut, unlock } from './sessions';
import { signIn } from './sign-in';
import { demoAccounts } from './demo-accounts';

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
};
