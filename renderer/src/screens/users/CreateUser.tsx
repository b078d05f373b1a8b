// Creating an account: name, display name, position, roles and a first password the person changes at sign-in.
import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { contract, type Role } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { serverErrors, zodErrors, type FieldErrors } from '../../auth/fields';

import { RoleBoxes } from './RoleBoxes';

const CreateSchema = contract['users.create'].input;

interface NewAccount {
  displayName: string;
  position: string;
  username: string;
  password: string;
  roles: Role[];
}
type TextKey = Exclude<keyof NewAccount, 'roles'>;

/** The new account's name, position, username and first password. */
function NewAccountFields({
  v,
  set,
  errors,
}: {
  v: NewAccount;
  set: (k: TextKey) => (_: unknown, d: { value: string }) => void;
  errors: FieldErrors;
}) {
  return (
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
  );
}

export function CreateUser() {
  const create = useRpcMutation('users.create', ['users.list']);
  const empty: NewAccount = { displayName: '', position: '', username: '', password: '', roles: [] };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const set = (k: TextKey) => (_: unknown, d: { value: string }) => setV({ ...v, [k]: d.value });
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
      <NewAccountFields v={v} set={set} errors={errors} />
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
