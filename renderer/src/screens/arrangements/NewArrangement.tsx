// Agreeing a part-time timetable or a flexi-schooling agreement (docs/rules/arrangements.md). The core enforces
// the rules (end date, reason, parent the pupil lives with, review within the school's interval); the form says
// them up front and shows the core's refusal when one is broken. The form's fields are in new-arrangement-form.ts,
// its state and save in useNewArrangement.ts.
import { Button, Title2 } from '@fluentui/react-components';
import { ARRANGEMENT_KIND_LABELS, type ArrangementKind } from '../../../../shared/arrangements';
import { go } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDate } from '../../components/FormDate';
import { FormText } from '../../components/FormText';
import { ParentWhoAgreed, PupilChoice, Rules, WhoWasTold } from './NewArrangementParts';
import { AgreementTerms } from './NewArrangementTerms';
import { useNewArrangement } from './useNewArrangement';

export function NewArrangement({ kind, today }: { kind: ArrangementKind; today: string }) {
  const { control, err, isSubmitting, pupil, setPupil, error, setError, submit } = useNewArrangement(
    kind,
    today,
  );
  const partTime = kind === 'part_time';
  return (
    <div className="page">
      <Title2 as="h1">Agree a {ARRANGEMENT_KIND_LABELS[kind].toLowerCase()}</Title2>
      <Rules kind={kind} />
      <form
        className="card"
        aria-label="The arrangement"
        noValidate
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        <PupilChoice pupil={pupil} setPupil={setPupil} setError={setError} />
        <AgreementTerms partTime={partTime} control={control} err={err} />
        <div className="row">
          <ParentWhoAgreed kind={kind} control={control} pupil={pupil} err={err} />
          <FormDate
            control={control}
            name="parentAgreedOn"
            label="Agreed on"
            required={false}
            validationMessage={err('parentAgreedOn')}
          />
        </div>
        <WhoWasTold control={control} err={err} />
        {kind === 'flexi' && (
          <FormText
            control={control}
            name="curriculumNotes"
            label="Curriculum notes"
            validationMessage={err('curriculumNotes')}
            multiline="vertical"
          />
        )}
        <ErrorBar error={error} title="Not saved" />
        <div className="row">
          <Button appearance="primary" type="submit" disabled={isSubmitting}>
            Agree the {partTime ? 'timetable' : 'agreement'}
          </Button>
          <Button onClick={() => go('arrangements')}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}
