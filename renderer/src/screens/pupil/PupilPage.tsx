// The pupil page: admission-register details, cohort flags, contacts, leaving with a deletion ground, returns to
// the local authority, and the year's marks by day. Each
// dialog and section is beside this file.
import { Link, Title2 } from '@fluentui/react-components';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { PupilFigures } from '../../components/PupilFigures';
import { YearMarks } from '../../components/YearMarks';
import { PupilLeave } from '../leave/PupilLeave';
import { PupilLetters } from '../../components/PupilLetters';
import { PupilCasework } from '../casework/PupilCasework';
import { pupilName } from '../../../../shared/names';
import { PupilHealth } from '../arrangements/PupilHealth';

import { PupilDetails } from './PupilDetails';
import { CohortFlags } from './CohortFlags';
import { Contacts } from './Contacts';
import { Returns } from './Returns';
import { History } from './History';

/** A link down to the amendment history, which it scrolls to and focuses. */
function HistoryLink() {
  return (
    <p>
      <Link
        as="button"
        onClick={() => {
          const el = document.getElementById('history');
          el?.scrollIntoView();
          el?.focus();
        }}
      >
        Amendment history
      </Link>
    </p>
  );
}

export function PupilPage({ id, today }: { id: number; today: string }) {
  const q = useRpc('pupils.get', { id });
  const update = useRpcMutation('pupils.update', ['pupils.get', 'pupils.list']);
  const ret = useRpcMutation('pupils.recordReturn', ['pupils.get']);
  if (!q.data) {
    return (
      <div className="page">
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const { pupil: p, contacts, returns, newPupilReturnDue } = q.data;
  return (
    <div className="page">
      <Title2 as="h1">{pupilName(p)}</Title2>
      <PupilDetails p={p} />
      <CohortFlags p={p} onChange={(changes) => update.mutate({ id, changes })} error={update.error} />
      <Contacts key={JSON.stringify(contacts)} pupilId={id} contacts={contacts} />
      <Returns
        id={id}
        today={today}
        onRoll={!p.leavingDate}
        returns={returns}
        newPupilReturnDue={newPupilReturnDue}
        onSentToday={() => ret.mutate({ pupilId: id, kind: 'new_pupil', sentAt: today, method: 'LA portal' })}
        error={ret.error}
      />
      <HistoryLink />
      <PupilFigures pupilId={id} today={today} />
      <PupilLeave pupilId={id} />
      <PupilLetters pupilId={id} today={today} />
      <PupilCasework pupilId={id} today={today} />
      <PupilHealth pupilId={id} today={today} sen={p.sen} />
      <YearMarks pupilId={id} today={today} admissionDate={p.admissionDate} />
      <History upn={p.upn} />
    </div>
  );
}
