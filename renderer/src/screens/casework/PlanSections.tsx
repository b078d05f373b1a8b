// The sections of a reintegration plan's page (docs/rules/casework.md): its title and summary line, the plan with
// its phased timetable, the reviews with the forms to record one or close the plan, and its versions and exports.
import type { Output } from '../../../../shared/contract';
import { PLAN_OUTCOME_LABELS } from '../../../../shared/casework';
import { formatUkDate } from '../../../../shared/dates';
import { patternLabel } from './steps';
import { CloseForm, ReviewForm } from './PlanReviewForms';

type Plan = Output<'casework.plan.get'>;

export function PlanSummary({ p }: { p: Plan }) {
  const c = p.plan.content;
  return (
    <>
      <h1>
        Reintegration plan: {p.plan.pupilName} (from {formatUkDate(p.plan.startOn)})
      </h1>
      <p>
        Version {p.plan.version} ·{' '}
        {p.plan.status === 'open'
          ? 'open'
          : `closed ${formatUkDate(p.plan.outcomeOn)}: ${PLAN_OUTCOME_LABELS[p.plan.outcome!]}`}{' '}
        · key adult {c.keyAdult}
        {p.plan.nextReview ? ` · next review ${formatUkDate(p.plan.nextReview)}` : ''} · {p.plannedC2} C2
        sessions planned
      </p>
    </>
  );
}

export function PlanSteps({ c }: { c: Plan['plan']['content'] }) {
  return (
    <section className="card" aria-labelledby="plan-h">
      <h2 id="plan-h">The plan</h2>
      <p>{c.why}</p>
      <p>
        <strong>The pupil says:</strong> {c.pupilView || '—'}
      </p>
      <table className="plain" aria-label="Phased timetable">
        <thead>
          <tr>
            <th>Step</th>
            <th>From</th>
            <th>To</th>
            <th>Sessions attended</th>
          </tr>
        </thead>
        <tbody>
          {c.steps.map((s) => (
            <tr key={s.label + s.from}>
              <td>{s.label}</td>
              <td>{formatUkDate(s.from)}</td>
              <td>{formatUkDate(s.to)}</td>
              <td>{patternLabel(s.attends)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PlanReviews({
  p,
  planId,
  today,
  writer,
}: {
  p: Plan;
  planId: number;
  today: string;
  writer: boolean;
}) {
  return (
    <section className="card" aria-labelledby="rev-h">
      <h2 id="rev-h">Reviews</h2>
      <ul>
        {p.reviews.map((r) => (
          <li key={r.id}>
            {formatUkDate(r.reviewedOn)} with {r.attendees}: {r.notes}
          </li>
        ))}
      </ul>
      {writer && <ReviewForm planId={planId} today={today} />}
      {writer && <CloseForm planId={planId} today={today} />}
    </section>
  );
}

export function PlanVersions({ p }: { p: Plan }) {
  return (
    <section className="card" aria-labelledby="ver-h">
      <h2 id="ver-h">Versions and exports</h2>
      <ul>
        {p.versions.map((v) => (
          <li key={v.version}>
            Version {v.version}: {v.changeSummary} ({v.changedBy}, {formatUkDate(v.changedAt.slice(0, 10))})
          </li>
        ))}
        {p.exports.map((e) => (
          <li key={e.id}>
            Exported {e.fileName} from the{' '}
            {e.template === 'shipped' ? 'shipped' : `school's ${e.template.replace('school ', '')}`} template
            ({e.by}, {formatUkDate(e.at.slice(0, 10))})
          </li>
        ))}
      </ul>
    </section>
  );
}
