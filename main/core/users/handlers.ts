// Handlers of the users channels (shared/channels/users.ts): the accounts themselves live in the auth area.
import type { HandlersFor } from '../dispatch';
import type { usersChannels } from '../../../shared/channels/users';
import {
  createUser,
  disableUser,
  enableUser,
  listUsers,
  resetPassword,
  setLeaveAuthority,
  unlockUser,
  updateUser,
} from '../auth/accounts';

export const usersHandlers: HandlersFor<keyof typeof usersChannels> = {
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.setLeaveAuthority': setLeaveAuthority,
  'users.resetPassword': resetPassword,
  'users.disable': disableUser,
  'users.enable': enableUser,
  'users.unlock': unlockUser,
};
