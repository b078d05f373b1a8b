// Accounts (administrator): create, roles, reset a password, disable and enable (never delete), unlock after a
// lock-out, and the school's sign-in settings. The headteacher sees the list and names who may decide leave. The
// dialogs and forms are beside this file.
import { useState } from 'react';
import { Button, Checkbox, Text, Title2 } from '@fluentui/react-components';
import type { UserRow } from '../../../../shared/channels/auth';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { rolesText } from '../../auth/roles';
import { formatWhen } from '../../auth/when';

import { CreateUser } from './CreateUser';
import { ActionDialog, type Action } from './ActionDialog';
import { SignInSettings } from './SignInSettings';

function status(u: UserRow): string {
  if (u.disabledAt) {
    return `Disabled ${formatWhen(u.disabledAt)}${u.disabledReason ? `: ${u.disabledReason}` : ''}`;
  }
  if (u.lockedUntil) {
    return `Locked out until ${formatWhen(u.lockedUntil)}`;
  }
  if (u.mustChangePassword) {
    return 'Active, new password due';
  }
  return 'Active';
}

export function Users() {
  const me = useMe();
  const list = useRpc('users.list', {});
  const enable = useRpcMutation('users.enable', ['users.list']);
  const unlock = useRpcMutation('users.unlock', ['users.list']);
  const leave = useRpcMutation('users.setLeaveAuthority', ['users.list', 'auth.me']);
  const [action, setAction] = useState<Action>(null);
  const admin = mayCall(me, 'users.create');
  const head = mayCall(me, 'users.setLeaveAuthority');
  return (
    <div className="page">
      <Title2 as="h1">Users</Title2>
      <Text>
        {admin
          ? 'Accounts are never deleted: disable one that is no longer needed, and the records it made keep its name.'
          : 'The accounts of the school. As headteacher you name the people who may decide leave of absence.'}
      </Text>
      <ErrorBar error={list.error ?? enable.error ?? unlock.error ?? leave.error} />
      {list.data && (
        <div className="table-scroll">
          <table className="plain" aria-label="Accounts">
            <thead>
              <tr>
                <th>Name</th>
                <th>Username</th>
                <th>Position</th>
                <th>Roles</th>
                <th>Status</th>
                <th>Last sign-in</th>
                {head && <th>May decide leave</th>}
                {admin && <th>Actions</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.displayName}</td>
                  <td>{u.username}</td>
                  <td>{u.position}</td>
                  <td>{rolesText(u.roles)}</td>
                  <td>{status(u)}</td>
                  <td>{formatWhen(u.lastSignInAt)}</td>
                  {head && (
                    <td>
                      {u.roles.includes('head') ? (
                        'Yes (headteacher)'
                      ) : (
                        <Checkbox
                          aria-label={`${u.displayName} may decide leave`}
                          checked={u.authorisedForLeave}
                          disabled={leave.isPending}
                          onChange={(_, d) => leave.mutate({ id: u.id, authorised: !!d.checked })}
                        />
                      )}
                    </td>
                  )}
                  {admin && (
                    <td>
                      <div className="row">
                        <Button
                          size="small"
                          onClick={() => setAction({ kind: 'edit', user: u })}
                          aria-label={`Edit ${u.displayName}`}
                        >
                          Edit…
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setAction({ kind: 'reset', user: u })}
                          aria-label={`Reset password of ${u.displayName}`}
                        >
                          Reset password…
                        </Button>
                        {u.lockedUntil && (
                          <Button
                            size="small"
                            onClick={() => unlock.mutate({ id: u.id })}
                            aria-label={`Unlock ${u.displayName}`}
                          >
                            Unlock
                          </Button>
                        )}
                        {u.disabledAt ? (
                          <Button
                            size="small"
                            onClick={() => enable.mutate({ id: u.id })}
                            aria-label={`Enable ${u.displayName}`}
                          >
                            Enable
                          </Button>
                        ) : (
                          u.id !== me.userId && (
                            <Button
                              size="small"
                              onClick={() => setAction({ kind: 'disable', user: u })}
                              aria-label={`Disable ${u.displayName}`}
                            >
                              Disable…
                            </Button>
                          )
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && <CreateUser />}
      {mayCall(me, 'auth.setSettings') && <SignInSettings />}
      {action && (
        <ActionDialog
          key={`${action.kind}:${action.user.id}`}
          action={action}
          onClose={() => setAction(null)}
        />
      )}
    </div>
  );
}
