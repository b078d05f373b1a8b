// Accounts (administrator): create, roles, reset a password, disable and enable (never delete), unlock after a
// lock-out, and the school's sign-in settings. The headteacher sees the list and names who may decide leave. The
// list, dialogs and forms are beside this file.
import { useState } from 'react';
import { Text, Title2 } from '@fluentui/react-components';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';

import { CreateUser } from './CreateUser';
import { ActionDialog, type Action } from './ActionDialog';
import { SignInSettings } from './SignInSettings';
import { AccountsTable } from './AccountsTable';

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
        <AccountsTable
          users={list.data.users}
          myId={me.userId}
          head={head}
          admin={admin}
          onAction={setAction}
          onUnlock={(id) => unlock.mutate({ id })}
          onEnable={(id) => enable.mutate({ id })}
          onLeave={(id, authorised) => leave.mutate({ id, authorised })}
          leavePending={leave.isPending}
        />
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
