// An account dialog's draft and its call: the edited details and roles, a new password or the reason for disabling,
// with the core's issues put next to their fields.
import { useState } from 'react';
import type { Role } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { serverErrors, type FieldErrors } from '../../auth/fields';
import type { Action } from './actions';

export interface AccountDraft {
  displayName: string;
  position: string;
  roles: Role[];
  password: string;
  reason: string;
}

export function useAccountAction(action: NonNullable<Action>, onClose: () => void) {
  const update = useRpcMutation('users.update', ['users.list']);
  const reset = useRpcMutation('users.resetPassword', ['users.list']);
  const disable = useRpcMutation('users.disable', ['users.list']);
  const u = action.user;
  const [v, setV] = useState<AccountDraft>({
    displayName: u.displayName,
    position: u.position,
    roles: u.roles,
    password: '',
    reason: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const m = action.kind === 'edit' ? update : action.kind === 'reset' ? reset : disable;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      if (action.kind === 'edit') {
        await update.mutateAsync({
          id: u.id,
          displayName: v.displayName,
          position: v.position,
          roles: v.roles,
        });
      } else if (action.kind === 'reset') {
        await reset.mutateAsync({ id: u.id, password: v.password });
      } else {
        await disable.mutateAsync({ id: u.id, reason: v.reason });
      }
      onClose();
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };
  const change = (patch: Partial<AccountDraft>) => setV({ ...v, ...patch });
  return { v, change, errors, error: m.error, pending: m.isPending, submit };
}
