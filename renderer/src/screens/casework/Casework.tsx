// The casework screens (docs/rules/casework.md), lazily loaded: #/casework (what is due), #/casework/plan/<id>,
// #/casework/newplan/<pupil>, #/casework/patterns/<pupil>, #/casework/template (the plan's Word template).
import { Link } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { NewPlan, PlanView } from './PlanScreens';
import { Patterns } from './Patterns';
import { PlanTemplate } from './PlanTemplate';
import { Categories } from './Categories';

function Due() {
  const q = useRpc('casework.due', {});
  return (
    <div className="page">
      <h1>Casework due</h1>
      <p>
        <Link href="#/casework/template">The reintegration plan's Word template</Link>
      </p>
      <Categories />
      <ErrorBar error={q.error} />
      {q.data && (
        <table className="plain" aria-label="Casework due">
          <thead>
            <tr>
              <th>Pupil</th>
              <th>Group</th>
              <th>What</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((i, k) => (
              <tr key={`${i.kind}-${i.refId}-${i.pupilId}-${k}`}>
                <td>
                  <Link href={`#/pupils/${i.pupilId}`}>{i.pupilName}</Link>
                </td>
                <td>{i.regGroup}</td>
                <td>{i.what}</td>
                <td>
                  {i.due ? formatUkDate(i.due) : ''} {i.overdue ? '(overdue)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function Casework({ route, today }: { route: string[]; today: string }) {
  const [, sub, id] = route;
  if (sub === 'plan') {
    return <PlanView planId={Number(id)} today={today} />;
  }
  if (sub === 'newplan') {
    return <NewPlan pupilId={Number(id)} today={today} />;
  }
  if (sub === 'template') {
    return <PlanTemplate />;
  }
  if (sub === 'patterns') {
    return <Patterns pupilId={Number(id)} today={today} />;
  }
  return <Due />;
}
