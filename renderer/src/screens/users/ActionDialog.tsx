// Changing an account: its details and roles, a new password, or disabling it (an account is never deleted: the
// audit log names it).
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
} from '@fluentui/react-components';
import type { UserRow } from '../../../../shared/channels/auth';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { serverErrors, type FieldErrors } from '../../auth/fields';

import { RoleBoxes } from './RoleBoxes';

export type Action = { kind: 'edit' | 'reset' | 'disable'; user: UserRow } | null;

export function ActionDialog({ action, onClose }: { action: NonNullable<Action>; onClose: () => void }) {
  const update = useRpcMutation('users.update', ['users.list']);
  const reset = useRpcMutation('users.resetPassword', ['users.list']);
  const disable = useRpcMutation('users.disable', ['users.list']);
  const u = action.user;
  const [v, setV] = useState({
    displayName: u.displayName,
    position: u.position,
    roles: u.roles,
    password: '',
    reason: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const m = action.kind === 'edit' ? update : action.kind === 'reset' ? reset : disable;
  const title =
    action.kind === 'edit'
      ? `Edit ${u.displayName}`
      : action.kind === 'reset'
        ? `Reset ${u.displayName}'s password`
        : `Disable ${u.displayName}'s account`;
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
  return (
    <Dialog
      open
      onOpenChange={(_, d) => {
        if (!d.open) {
          onClose();
        }
      }}
    >
      <DialogSurface aria-label={title}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className="page">
              {action.kind === 'edit' && (
                <>
                  <Field label="Name" validationMessage={errors.displayName}>
                    <Input value={v.displayName} onChange={(_, d) => setV({ ...v, displayName: d.value })} />
                  </Field>
                  <Field label="Position" validationMessage={errors.position}>
                    <Input value={v.position} onChange={(_, d) => setV({ ...v, position: d.value })} />
                  </Field>
                  <RoleBoxes
                    legend={`Roles of ${u.displayName}`}
                    value={v.roles}
                    onChange={(roles) => setV({ ...v, roles })}
                  />
                </>
              )}
              {action.kind === 'reset' && (
                <>
                  <Text>
                    {u.displayName} signs in with this password once and then chooses their own. Their open
                    sign-ins end now.
                  </Text>
                  <Field
                    label="New password"
                    required
                    validationMessage={errors.password}
                    hint="at least 10 characters"
                  >
                    <Input
                      autoFocus
                      value={v.password}
                      onChange={(_, d) => setV({ ...v, password: d.value })}
                      autoComplete="new-password"
                    />
                  </Field>
                </>
              )}
              {action.kind === 'disable' && (
                <>
                  <Text>
                    The account is kept (records keep pointing at who did what) but can no longer sign in. Its
                    open sign-ins end now.
                  </Text>
                  <Field label="Reason" required validationMessage={errors.reason}>
                    <Input
                      autoFocus
                      value={v.reason}
                      onChange={(_, d) => setV({ ...v, reason: d.value })}
                      placeholder="e.g. left the school"
                    />
                  </Field>
                </>
              )}
              <ErrorBar error={m.error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={m.isPending}>
                {action.kind === 'edit'
                  ? 'Save'
                  : action.kind === 'reset'
                    ? 'Reset password'
                    : 'Disable account'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
