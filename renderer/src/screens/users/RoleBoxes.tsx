// The role check boxes of an account, each with what the role may do.
import { Checkbox } from '@fluentui/react-components';
import { ROLES, type Role } from '../../../../shared/contract';
import { ROLE_HELP, ROLE_LABELS } from '../../auth/roles';

export function RoleBoxes({
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
