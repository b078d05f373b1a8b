// Who asked for the leave, how and when, with a warning when it is not a parent the pupil lives with (leave can be
// granted only on such a parent's request: docs/rules/leave.md).
import type { Control } from 'react-hook-form';
import { Controller } from 'react-hook-form';
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Title3,
} from '@fluentui/react-components';
import { LEAVE_RECEIVED_LABELS, LEAVE_RECEIVED_VALUES } from '../../../../../shared/channels/leave';
import { FormDate } from '../../../components/FormDate';
import { FormSelect } from '../../../components/FormSelect';
import { FormText } from '../../../components/FormText';
import { contactFor, type Chosen, type Contact, type IntakeValues } from './schema';

interface Props {
  control: Control<IntakeValues>;
  err: (k: keyof IntakeValues) => string | undefined;
  pupils: Chosen[];
  requester: string;
  asked: Contact | undefined;
}

function RequesterSelect({ control, first }: { control: Control<IntakeValues>; first: Chosen | undefined }) {
  return (
    <Controller
      control={control}
      name="requester"
      render={({ field }) => (
        <Select value={field.value} onChange={(_, d) => field.onChange(d.value)} disabled={!first}>
          <option value="">{first ? 'Choose…' : 'Add a pupil first'}</option>
          {first?.contacts.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
              {c.relationship ? ` (${c.relationship})` : ''}
              {c.livesWith ? '' : ' – does not live with the pupil'}
            </option>
          ))}
          <option value="other">Someone else…</option>
        </Select>
      )}
    />
  );
}

function NotLivingWithWarnings({ pupils, requester, asked }: Omit<Props, 'control' | 'err'>) {
  const first = pupils[0];
  return (
    <>
      {first && (requester === 'other' || (asked && !asked.livesWith)) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Not a parent the pupil lives with</MessageBarTitle>Leave can be granted only on a
            request from a parent the pupil normally lives with. The request is recorded, and the headteacher
            will see this warning.
          </MessageBarBody>
        </MessageBar>
      )}
      {asked &&
        pupils
          .slice(1)
          .filter((p) => !contactFor(p, asked))
          .map((p) => (
            <MessageBar key={p.id} intent="warning">
              <MessageBarBody>
                {asked.name} is not a contact of {p.name}: that request will be recorded as from someone the
                pupil does not live with.
              </MessageBarBody>
            </MessageBar>
          ))}
    </>
  );
}

export function WhoAsked({ control, err, pupils, requester, asked }: Props) {
  return (
    <>
      <Title3 as="h2">Who asked, and when</Title3>
      <div className="row">
        <Field label="Asked by" required validationMessage={err('requester')}>
          <RequesterSelect control={control} first={pupils[0]} />
        </Field>
        {requester === 'other' && (
          <FormText
            control={control}
            name="otherName"
            label="Name of the person who asked"
            required
            validationMessage={err('otherName')}
          />
        )}
        <FormSelect
          control={control}
          name="howReceived"
          label="How received"
          options={LEAVE_RECEIVED_VALUES}
          labels={LEAVE_RECEIVED_LABELS}
        />
        <FormDate
          control={control}
          name="dateReceived"
          label="Date received"
          required
          validationMessage={err('dateReceived')}
        />
      </div>
      <NotLivingWithWarnings pupils={pupils} requester={requester} asked={asked} />
    </>
  );
}
