// What the leave request asks for: the first and last sessions, the kind of leave, the observance for religious
// observance (only the days its religious body sets apart are R), the parent's reason and the office's notes.
import type { Control } from 'react-hook-form';
import { Title3 } from '@fluentui/react-components';
import { LEAVE_KIND_LABELS, LEAVE_KINDS_OFFERED } from '../../../../../shared/channels/leave';
import { FormDate } from '../../../components/FormDate';
import { FormSession } from '../../../components/FormSession';
import { FormSelect } from '../../../components/FormSelect';
import { FormText } from '../../../components/FormText';
import type { IntakeValues } from './schema';

interface Props {
  control: Control<IntakeValues>;
  err: (k: keyof IntakeValues) => string | undefined;
}

function Observance({ control, err }: Props) {
  return (
    <div className="row">
      <FormText
        control={control}
        name="observance"
        label="Observance"
        required
        validationMessage={err('observance')}
      />
      <FormText
        control={control}
        name="religiousBody"
        label="Religious body that sets the day apart"
        required
        validationMessage={err('religiousBody')}
      />
      <FormText
        control={control}
        name="observanceDays"
        label="Days set apart (dd/mm/yyyy, commas between)"
        hint="Only these days are R; any other day asked for is leave at the head's discretion."
      />
    </div>
  );
}

export function WhatAsked({ control, err, kind }: Props & { kind: IntakeValues['kind'] }) {
  return (
    <>
      <Title3 as="h2">What is asked for</Title3>
      <div className="row">
        <FormDate
          control={control}
          name="fromDate"
          label="First day"
          required
          validationMessage={err('fromDate')}
        />
        <FormSession control={control} name="fromSession" label="From session" />
        <FormDate
          control={control}
          name="toDate"
          label="Last day"
          required
          validationMessage={err('toDate')}
        />
        <FormSession control={control} name="toSession" label="To session" />
        <FormSelect
          control={control}
          name="kind"
          label="Kind of leave"
          options={LEAVE_KINDS_OFFERED}
          labels={LEAVE_KIND_LABELS}
        />
      </div>
      {kind === 'religious_observance' && <Observance control={control} err={err} />}
      <FormText
        control={control}
        name="reason"
        label="The parent's reason"
        required
        validationMessage={err('reason')}
        multiline="vertical"
      />
      <FormText control={control} name="notes" label="Notes (office)" multiline="vertical" />
    </>
  );
}
