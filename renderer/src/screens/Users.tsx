// Accounts (administrator): create, roles, reset a password, disable and enable (never delete), unlock after a
// lock-out, and the school's sign-in settings. The headteacher sees the list and names who may decide leave.
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  SpinButton,
  Text,
  Title2,
} from '@fluentui/react-components';
import { ROLES, contract, type Role } from '../../../shared/contract';
import type { UserRow } from '../../../shared/channels/auth';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { useMe } from '../auth/AuthGate';
import { mayCall } from '../auth/access';
import { ROLE_HELP, ROLE_LABELS, rolesText } from '../auth/roles';
import { serverErrors, zodErrors, type FieldErrors } from '../auth/fields';
import { formatWhen } from '../auth/when';

function RoleBoxes({
  value,
  onChange,
  legend,
}: {
  value: Role[];
  onChange: (r: Role[]) => void;
  legend: string;
}) {
  return (
    <fieldset className="roles">
      <legend>{legend}</legend>
      {ROLES.map((r) => (
        <Checkbox
          key={r}
          checked={value.includes(r)}
          label={`${ROLE_LABELS[r]} (${ROLE_HELP[r]})`}
          onChange={(_, d) => onChange(d.checked ? [...value, r] : value.filter((x) => x !== r))}
        />
      ))}
    </fieldset>
  );
}

const CreateSchema = contract['users.create'].input;

function CreateUser() {
  const create = useRpcMutation('users.create', ['users.list']);
  const empty = { displayName: '', position: '', username: '', password: '', roles: [] as Role[] };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const set =
    (k: 'displayName' | 'position' | 'username' | 'password') => (_: unknown, d: { value: string }) =>
      setV({ ...v, [k]: d.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    const bad = zodErrors(CreateSchema, v);
    setErrors(bad ?? {});
    if (bad) {
      return;
    }
    try {
      await create.mutateAsync(v);
      setDone(
        `${v.displayName} can now sign in as ${v.username}, and will choose their own password at the first sign-in.`,
      );
      setV(empty);
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };
  return (
    <form className="card" aria-labelledby="new-user" onSubmit={submit}>
      <Text as="h2" id="new-user" weight="semibold" size={500}>
        New account
      </Text>
      <div className="grid2">
        <Field label="Name" required validationMessage={errors.displayName}>
          <Input value={v.displayName} onChange={set('displayName')} placeholder="e.g. Mrs A. Khan" />
        </Field>
        <Field label="Position" validationMessage={errors.position}>
          <Input value={v.position} onChange={set('position')} placeholder="e.g. Attendance officer" />
        </Field>
        <Field label="Username" required validationMessage={errors.username}>
          <Input value={v.username} onChange={set('username')} autoComplete="off" />
        </Field>
        <Field
          label="First password"
          required
          validationMessage={errors.password}
          hint="at least 10 characters; they change it at the first sign-in"
        >
          <Input value={v.password} onChange={set('password')} autoComplete="new-password" />
        </Field>
      </div>
      <RoleBoxes legend="Roles" value={v.roles} onChange={(roles) => setV({ ...v, roles })} />
      {errors.roles && (
        <Text className="error-text" role="alert">
          {errors.roles}
        </Text>
      )}
      <ErrorBar error={create.error} title="The account was not created" />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <Button appearance="primary" type="submit" disabled={create.isPending}>
          Create account
        </Button>
      </div>
    </form>
  );
}

type Action = { kind: 'edit' | 'reset' | 'disable'; user: UserRow } | null;

function ActionDialog({ action, onClose }: { action: NonNullable<Action>; onClose: () => void }) {
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

function SignInSettings() {
  const q = useRpc('auth.getSettings', {});
  const save = useRpcMutation('auth.setSettings', ['auth.getSettings', 'auth.me']);
  const [v, setV] = useState<{ idleLockMinutes: number; maxFailures: number; lockoutMinutes: number } | null>(
    null,
  );
  const [saved, setSaved] = useState(false);
  const cur = v ?? q.data;
  if (!cur) {
    return <ErrorBar error={q.error} />;
  }
  const num = (k: keyof typeof cur) => (_: unknown, d: { value?: number | null; displayValue?: string }) => {
    setSaved(false);
    setV({ ...cur, [k]: d.value ?? Number(d.displayValue) });
  };
  return (
    <form
      className="card"
      aria-labelledby="signin-settings"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        try {
          await save.mutateAsync(cur);
          setSaved(true);
        } catch {
          /* shown below */
        }
      }}
    >
      <Text as="h2" id="signin-settings" weight="semibold" size={500}>
        Sign-in settings
      </Text>
      <div className="row">
        <Field label="Lock the screen after (idle minutes)">
          <SpinButton min={1} max={240} value={cur.idleLockMinutes} onChange={num('idleLockMinutes')} />
        </Field>
        <Field label="Failed sign-ins before a lock-out">
          <SpinButton min={3} max={20} value={cur.maxFailures} onChange={num('maxFailures')} />
        </Field>
        <Field label="Lock-out lasts (minutes)">
          <SpinButton min={1} max={1440} value={cur.lockoutMinutes} onChange={num('lockoutMinutes')} />
        </Field>
      </div>
      <ErrorBar error={save.error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Sign-in settings saved.</MessageBarBody>
        </MessageBar>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          Save sign-in settings
        </Button>
      </div>
    </form>
  );
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
