// The audit log's filters: from and to a day, who did it and which action. Each change goes back to the newest
// entries (the screen's handlers do that).
import { Field, Input, Select } from '@fluentui/react-components';
import { DateInput } from '../../components/DateInput';

export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  action: string;
}

interface Props {
  values: AuditFilterValues;
  /** The actions the log holds, for the Action box; none until the log has answered. */
  actions: string[] | undefined;
  onFrom: (v: string) => void;
  onTo: (v: string) => void;
  onActor: (v: string) => void;
  onAction: (v: string) => void;
}

export function AuditFilters({ values, actions, onFrom, onTo, onActor, onAction }: Props) {
  return (
    <div className="card row" role="search" aria-label="Filter the audit log">
      <Field label="From">
        <DateInput value={values.from} onChange={(_, d) => onFrom(d.value)} />
      </Field>
      <Field label="To">
        <DateInput value={values.to} onChange={(_, d) => onTo(d.value)} />
      </Field>
      <Field label="Who">
        <Input value={values.actor} onChange={(_, d) => onActor(d.value)} placeholder="name or username" />
      </Field>
      <Field label="Action">
        <Select value={values.action} onChange={(_, d) => onAction(d.value)}>
          <option value="">All actions</option>
          {actions?.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
