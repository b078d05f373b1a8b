// The body of each account dialog: the details and roles to edit, the new password, or the reason for disabling.
import { Field, Input, Text } from '@fluentui/react-components';
import type { FieldErrors } from '../../auth/fields';
import type { AccountDraft } from './useAccountAction';

import { RoleBoxes } from './RoleBoxes';

interface FieldsProps {
  name: string;
  v: AccountDraft;
  change: (patch: Partial<AccountDraft>) => void;
  errors: FieldErrors;
}

export function EditFields({ name, v, change, errors }: FieldsProps) {
  return (
    <>
      <Field label="Name" validationMessage={errors.displayName}>
        <Input value={v.displayName} onChange={(_, d) => change({ displayName: d.value })} />
      </Field>
      <Field label="Position" validationMessage={errors.position}>
        <Input value={v.position} onChange={(_, d) => change({ position: d.value })} />
      </Field>
      <RoleBoxes legend={`Roles of ${name}`} value={v.roles} onChange={(roles) => change({ roles })} />
    </>
  );
}

export function ResetFields({ name, v, change, errors }: FieldsProps) {
  return (
    <>
      <Text>
        {name} signs in with this password once and then chooses their own. Their open sign-ins end now.
      </Text>
      <Field label="New password" required validationMessage={errors.password} hint="at least 10 characters">
        <Input
          autoFocus
          value={v.password}
          onChange={(_, d) => change({ password: d.value })}
          autoComplete="new-password"
        />
      </Field>
    </>
  );
}

export function DisableFields({ v, change, errors }: Omit<FieldsProps, 'name'>) {
  return (
    <>
      <Text>
        The account is kept (records keep pointing at who did what) but can no longer sign in. Its open
        sign-ins end now.
      </Text>
      <Field label="Reason" required validationMessage={errors.reason}>
        <Input
          autoFocus
          value={v.reason}
          onChange={(_, d) => change({ reason: d.value })}
          placeholder="e.g. left the school"
        />
      </Field>
    </>
  );
}
