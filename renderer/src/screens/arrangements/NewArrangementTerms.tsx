// The terms in the new arrangement form: why (for a timetable), the circumstances or what was agreed, the dates,
// and the weekly sessions the pupil is not expected in school.
import type { Control } from 'react-hook-form';
import { Controller } from 'react-hook-form';
import { Field } from '@fluentui/react-components';
import { TIMETABLE_REASONS, TIMETABLE_REASON_LABELS } from '../../../../shared/arrangements';
import { FormDate } from '../../components/FormDate';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { PatternGrid } from './PatternGrid';
import type { ArrangementValues } from './new-arrangement-form';

interface TermsProps {
  partTime: boolean;
  control: Control<ArrangementValues>;
  err: (k: keyof ArrangementValues) => string | undefined;
}

export function AgreementTerms({ partTime, control, err }: TermsProps) {
  return (
    <>
      {partTime && (
        <FormSelect
          control={control}
          name="reasonCategory"
          label="Why"
          required
          validationMessage={err('reasonCategory')}
          options={TIMETABLE_REASONS}
          labels={TIMETABLE_REASON_LABELS}
        />
      )}
      <FormText
        control={control}
        name="reason"
        label={partTime ? 'The circumstances' : 'What was agreed and why'}
        required
        validationMessage={err('reason')}
        multiline="vertical"
      />
      <div className="row">
        <FormDate
          control={control}
          name="startDate"
          label="Starts on"
          required
          validationMessage={err('startDate')}
        />
        <FormDate
          control={control}
          name="endDate"
          label={partTime ? 'Ends on (time limit)' : 'Ends on (if agreed)'}
          required={partTime}
          validationMessage={err('endDate')}
        />
      </div>
      <Field
        label="Sessions the pupil is not expected in school"
        required
        validationMessage={err('away')}
        hint={partTime ? 'Tick the sessions missed.' : 'Tick the sessions educated at home.'}
      >
        <Controller
          control={control}
          name="away"
          render={({ field }) => (
            <PatternGrid value={field.value} onChange={field.onChange} label="Weekly pattern" />
          )}
        />
      </Field>
    </>
  );
}
