// Parts of the new arrangement form: the rules said up front, the pupil chosen, and the parent who agreed (for a
// part-time timetable, a parent the pupil lives with, chosen from the pupil's contacts), and who else was told.
import type { Control } from 'react-hook-form';
import { Controller } from 'react-hook-form';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import type { ArrangementKind } from '../../../../shared/arrangements';
import type { Output } from '../../../../shared/contract';
import { pupilName } from '../../../../shared/names';
import { call } from '../../rpc';
import { PupilSearch } from '../../components/PupilSearch';
import { FormText } from '../../components/FormText';
import { FormDate } from '../../components/FormDate';
import type { ArrangementValues } from './new-arrangement-form';

export type Pupil = Output<'pupils.get'>;

export function Rules({ kind }: { kind: ArrangementKind }) {
  return (
    <Text>
      {kind === 'part_time'
        ? 'Only in very exceptional circumstances and in the pupil’s interests, never to manage ' +
          'behaviour: temporary, with an end date, agreed with a parent the pupil lives with, and ' +
          'reviewed at least every few weeks. The missed sessions are marked C2 (X for a pupil not ' +
          'of compulsory school age).'
        : 'The agreed home sessions are marked C (authorised absence). Outside them the usual rules apply.'}
    </Text>
  );
}

interface PupilProps {
  pupil: Pupil | null;
  setPupil: (p: Pupil | null) => void;
  setError: (e: unknown) => void;
}

export function PupilChoice({ pupil, setPupil, setError }: PupilProps) {
  if (!pupil) {
    return (
      <PupilSearch
        label="Find the pupil (name or UPN)"
        action="Choose"
        onPick={(id) => void call('pupils.get', { id }).then(setPupil, setError)}
      />
    );
  }
  return (
    <div className="row">
      <Text weight="semibold">
        {pupilName(pupil.pupil)} ({pupil.pupil.regGroup}, Year {pupil.pupil.yearGroup})
      </Text>
      <Button size="small" onClick={() => setPupil(null)}>
        Choose another pupil
      </Button>
    </div>
  );
}

interface ParentProps {
  kind: ArrangementKind;
  control: Control<ArrangementValues>;
  pupil: Pupil | null;
  err: (k: keyof ArrangementValues) => string | undefined;
}

export function ParentWhoAgreed({ kind, control, pupil, err }: ParentProps) {
  if (kind !== 'part_time') {
    return (
      <FormText
        control={control}
        name="parentName"
        label="Parents who agreed"
        validationMessage={err('parentName')}
      />
    );
  }
  return (
    <Field
      label="Parent who agreed (lives with the pupil)"
      required
      validationMessage={err('parentContactId')}
    >
      <Controller
        control={control}
        name="parentContactId"
        render={({ field }) => (
          <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
            <option value="">Choose…</option>
            {(pupil?.contacts ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
                {c.relationship ? ` (${c.relationship})` : ''}
                {c.livesWith ? '' : ' – does not live with the pupil'}
              </option>
            ))}
          </Select>
        )}
      />
    </Field>
  );
}

interface ToldProps {
  control: Control<ArrangementValues>;
  err: (k: keyof ArrangementValues) => string | undefined;
}

/** When and how the local authority, and the social worker or virtual school, were told. */
export function WhoWasTold({ control, err }: ToldProps) {
  return (
    <>
      <div className="row">
        <FormDate
          control={control}
          name="laToldOn"
          label="Local authority told on"
          validationMessage={err('laToldOn')}
        />
        <FormText
          control={control}
          name="laToldHow"
          label="How the LA was told"
          validationMessage={err('laToldHow')}
        />
      </div>
      <div className="row">
        <FormDate
          control={control}
          name="socialWorkerToldOn"
          label="Social worker or virtual school told on"
          validationMessage={err('socialWorkerToldOn')}
        />
        <FormText
          control={control}
          name="socialWorkerToldHow"
          label="How they were told"
          validationMessage={err('socialWorkerToldHow')}
        />
      </div>
    </>
  );
}
