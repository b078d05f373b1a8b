// The accounts list: one row per account, with the headteacher's "may decide leave" box and the administrator's
// buttons (edit, reset password, unlock, enable or disable).
import { Button, Checkbox } from '@fluentui/react-components';
import type { UserRow } from '../../../../shared/channels/auth';
import { rolesText } from '../../auth/roles';
import { formatWhen } from '../../auth/when';

import type { Action } from './actions';
import { accountStatus } from './account-status';

/** What a row's controls do; the screen holds the calls and shows their errors above the list. */
export interface AccountHandlers {
  onAction: (a: NonNullable<Action>) => void;
  onUnlock: (id: UserRow['id']) => void;
  onEnable: (id: UserRow['id']) => void;
  onLeave: (id: UserRow['id'], authorised: boolean) => void;
  leavePending: boolean;
}

interface TableProps extends AccountHandlers {
  users: UserRow[];
  /** The signed-in person, who cannot disable their own account. */
  myId: UserRow['id'];
  head: boolean;
  admin: boolean;
}

export function AccountsTable({ users, myId, head, admin, ...handlers }: TableProps) {
  return (
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
          {users.map((u) => (
            <AccountRow key={u.id} u={u} isMe={u.id === myId} head={head} admin={admin} {...handlers} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccountRow({
  u,
  isMe,
  head,
  admin,
  ...handlers
}: AccountHandlers & { u: UserRow; isMe: boolean; head: boolean; admin: boolean }) {
  return (
    <tr>
      <td>{u.displayName}</td>
      <td>{u.username}</td>
      <td>{u.position}</td>
      <td>{rolesText(u.roles)}</td>
      <td>{accountStatus(u)}</td>
      <td>{formatWhen(u.lastSignInAt)}</td>
      {head && (
        <td>
          {u.roles.includes('head') ? (
            'Yes (headteacher)'
          ) : (
            <Checkbox
              aria-label={`${u.displayName} may decide leave`}
              checked={u.authorisedForLeave}
              disabled={handlers.leavePending}
              onChange={(_, d) => handlers.onLeave(u.id, !!d.checked)}
            />
          )}
        </td>
      )}
      {admin && (
        <td>
          <AccountActions u={u} isMe={isMe} {...handlers} />
        </td>
      )}
    </tr>
  );
}

function AccountActions({
  u,
  isMe,
  onAction,
  onUnlock,
  onEnable,
}: Omit<AccountHandlers, 'onLeave' | 'leavePending'> & { u: UserRow; isMe: boolean }) {
  return (
    <div className="row">
      <Button
        size="small"
        onClick={() => onAction({ kind: 'edit', user: u })}
        aria-label={`Edit ${u.displayName}`}
      >
        Edit…
      </Button>
      <Button
        size="small"
        onClick={() => onAction({ kind: 'reset', user: u })}
        aria-label={`Reset password of ${u.displayName}`}
      >
        Reset password…
      </Button>
      {u.lockedUntil && (
        <Button size="small" onClick={() => onUnlock(u.id)} aria-label={`Unlock ${u.displayName}`}>
          Unlock
        </Button>
      )}
      {u.disabledAt ? (
        <Button size="small" onClick={() => onEnable(u.id)} aria-label={`Enable ${u.displayName}`}>
          Enable
        </Button>
      ) : (
        !isMe && (
          <Button
            size="small"
            onClick={() => onAction({ kind: 'disable', user: u })}
            aria-label={`Disable ${u.displayName}`}
          >
            Disable…
          </Button>
        )
      )}
    </div>
  );
}
