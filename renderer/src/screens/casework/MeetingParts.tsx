// The meeting form's sections (docs/rules/casework.md): the barriers found or discussed, and the actions agreed,
// each a row of what, owner, name and date. The form's state stays in MeetingForm (forms.tsx); its account (who
// attended, the views, notes) is four FormText fields.
import { Controller, type Control, type FieldErrors, type UseFieldArrayReturn } from 'react-hook-form';
import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { ACTION_OWNERS, ACTION_OWNER_LABELS } from '../../../../shared/casework';
import { FormDate } from '../../components/FormDate';
import { FormText } from '../../components/FormText';
import type { MeetingV } from './formValues';

/** The meeting's account in the words of those there: who attended, the pupil's and the parents' views, notes. */
const ACCOUNT: {
  name: 'attendees' | 'pupilView' | 'parentView' | 'notes';
  label: string;
  required?: boolean;
}[] = [
  { name: 'attendees', label: 'Who attended', required: true },
  { name: 'pupilView', label: "The pupil's view" },
  { name: 'parentView', label: "The parents' view" },
  { name: 'notes', label: 'Notes' },
];

export function MeetingAccount({
  control,
  errors,
}: {
  control: Control<MeetingV>;
  errors: FieldErrors<MeetingV>;
}) {
  return (
    <>
      {ACCOUNT.map((a) => (
        <FormText
          key={a.name}
          multiline
          control={control}
          name={a.name}
          label={a.label}
          required={a.required}
          validationMessage={errors[a.name]?.message}
        />
      ))}
    </>
  );
}

export function BarrierChecks({
  control,
  barriers,
}: {
  control: Control<MeetingV>;
  barriers: { id: number; label: string }[];
}) {
  return (
    <fieldset>
      <legend>Barriers found or discussed</legend>
      <Controller
        control={control}
        name="barrierIds"
        render={({ field }) => (
          <div>
            {barriers.map((b) => (
              <Checkbox
                key={b.id}
                label={b.label}
                checked={field.value.includes(b.id)}
                onChange={(_e, d) =>
                  field.onChange(d.checked ? [...field.value, b.id] : field.value.filter((x) => x !== b.id))
                }
              />
            ))}
          </div>
        )}
      />
    </fieldset>
  );
}

type ActionErrors = FieldErrors<MeetingV>['actions'];

function ActionRow({
  control,
  k,
  errors,
  onRemove,
}: {
  control: Control<MeetingV>;
  k: number;
  errors: ActionErrors;
  onRemove: () => void;
}) {
  return (
    <div className="row" role="group" aria-label={`Action ${k + 1}`}>
      <Controller
        control={control}
        name={`actions.${k}.what`}
        render={({ field }) => (
          <Field label="What" validationMessage={errors?.[k]?.what?.message}>
            <Input {...field} onChange={(_, d) => field.onChange(d.value)} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name={`actions.${k}.ownerKind`}
        render={({ field }) => (
          <Field label="Owner">
            <Select {...field} onChange={(_, d) => field.onChange(d.value)}>
              {ACTION_OWNERS.map((o) => (
                <option key={o} value={o}>
                  {ACTION_OWNER_LABELS[o]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      />
      <Controller
        control={control}
        name={`actions.${k}.ownerName`}
        render={({ field }) => (
          <Field label="Name (optional)">
            <Input {...field} onChange={(_, d) => field.onChange(d.value)} />
          </Field>
        )}
      />
      <FormDate
        control={control}
        name={`actions.${k}.dueOn`}
        label="By"
        validationMessage={errors?.[k]?.dueOn?.message}
      />
      <Button onClick={onRemove}>Remove action {k + 1}</Button>
    </div>
  );
}

export function ActionsAgreed({
  control,
  actions,
  errors,
}: {
  control: Control<MeetingV>;
  actions: UseFieldArrayReturn<MeetingV, 'actions'>;
  errors: ActionErrors;
}) {
  return (
    <fieldset>
      <legend>Actions agreed</legend>
      {actions.fields.map((a, k) => (
        <ActionRow key={a.id} control={control} k={k} errors={errors} onRemove={() => actions.remove(k)} />
      ))}
      <Button onClick={() => actions.append({ what: '', ownerKind: 'school', ownerName: '', dueOn: '' })}>
        Add an action
      </Button>
    </fieldset>
  );
}
