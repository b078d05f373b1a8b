// Reintegration plans on screen (docs/rules/casework.md): writing one (the plan form, from a proposal), reading one
// with its figures before, during and after (chart and table), recording a review, closing it, exporting to Word.
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import {
  FIRST_REVIEW_DAYS,
  MEASURE_LABELS,
  PLAN_OUTCOMES,
  PLAN_OUTCOME_LABELS,
  type PlanContent,
  type PlanOutcome,
} from '../../../../shared/casework';
import { addDays, formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { Chart, ChartTable } from '../../components/Chart';
import { downloadBase64 } from '../../download';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { useUnsavedGuard } from './forms';
import { patternLabel, STEP_PATTERNS } from './steps';
import { PlanForm, ReviseForm } from './PlanRevise';
import { Checkins } from './PlanCheckin';

/** A first proposal the lead edits: mornings only for the first fortnight, then full time. */
function proposal(today: string, d: Output<'casework.pupil'>): PlanContent {
  const partTo = addDays(today, 11);
  return {
    trigger: d.severe ? 'severe' : 'persistent',
    why: '',
    barrierIds: d.barriers.filter((b) => b.status !== 'resolved').map((b) => b.id),
    pupilView: '',
    keyAdult: '',
    checkInEveryDays: 2,
    checkInHow: 'A short check-in at the start of the day',
    steps: [
      { label: 'Mornings only', from: today, to: partTo, attends: [...STEP_PATTERNS.mornings.attends] },
      {
        label: 'Full time',
        from: addDays(partTo, 1),
        to: addDays(today, 60),
        attends: [...STEP_PATTERNS.full.attends],
      },
    ],
    measures: [
      { kind: 'sessions_per_week', target: 5 },
      { kind: 'attendance_pct', target: 90 },
    ],
    firstReview: addDays(today, FIRST_REVIEW_DAYS - 4),
    agreement: {
      parentName: '',
      pupilName: d.pupilName,
      agreedOn: today,
      signatory: '',
      signatoryPosition: '',
    },
  };
}

export function NewPlan({ pupilId, today }: { pupilId: number; today: string }) {
  const cw = useRpc('casework.pupil', { pupilId });
  const create = useRpcMutation('casework.plan.create', ['casework.pupil', 'casework.due']);
  return (
    <div className="page">
      <h1>New reintegration plan{cw.data ? ` for ${cw.data.pupilName}` : ''}</h1>
      <p>The first review is set within {FIRST_REVIEW_DAYS} days of the start; open barriers are linked.</p>
      <ErrorBar error={cw.error} />
      {cw.data && (
        <PlanForm
          label="Reintegration plan"
          current={proposal(today, cw.data)}
          startOn={today}
          revise={false}
          submitLabel="Save the plan"
          pending={create.isPending}
          error={create.error}
          saved={create.isSuccess}
          onSave={(content, v) =>
            create.mutate(
              {
                pupilId,
                startOn: v.startOn,
                content: { ...content, agreement: { ...content.agreement, agreedOn: v.startOn } },
              },
              { onSuccess: (r) => (window.location.hash = `#/casework/plan/${r.id}`) },
            )
          }
        />
      )}
    </div>
  );
}

type Plan = NonNullable<ReturnType<typeof useRpc<'casework.plan.get'>>['data']>;
function Figures({ p }: { p: Plan }) {
  const parts: [string, Plan['before'] | null][] = [
    ['Before the plan', p.before],
    ['During the plan', p.during],
    ['After the plan', p.after],
  ];
  const option = {
    xAxis: { type: 'category' as const, data: p.weeks.map((w) => formatUkDate(w.monday)) },
    yAxis: { type: 'value' as const, max: 100 },
    tooltip: {},
    series: [{ type: 'bar' as const, name: 'Attendance %', data: p.weeks.map((w) => w.attendancePct) }],
  };
  return (
    <section className="card" aria-labelledby="fig-h">
      <h2 id="fig-h">Attendance before, during and after</h2>
      <table className="plain" aria-label="Attendance before, during and after the plan">
        <thead>
          <tr>
            <th>Part</th>
            <th>Dates</th>
            <th>Possible</th>
            <th>Attended</th>
            <th>Attendance</th>
          </tr>
        </thead>
        <tbody>
          {parts.map(([label, f]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{f ? `${formatUkDate(f.from)} to ${formatUkDate(f.to)}` : 'not yet'}</td>
              <td>{f?.possible ?? ''}</td>
              <td>{f?.attended ?? ''}</td>
              <td>{f ? formatPct1(f.attendancePct) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Chart option={option} label="Attendance each week of the plan" height={220} />
      <ChartTable caption="Each week of the plan against its measures">
        <thead>
          <tr>
            <th>Week of</th>
            <th>Attended / possible</th>
            {p.plan.content.measures.map((m) => (
              <th key={m.kind}>
                {MEASURE_LABELS[m.kind]} ({m.target})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.weeks.map((w) => (
            <tr key={w.monday}>
              <td>{formatUkDate(w.monday)}</td>
              <td>
                {w.attended} / {w.possible}
              </td>
              {w.measures.map((m) => (
                <td key={m.kind}>
                  {m.value === null ? '—' : Math.round(m.value * 10) / 10}{' '}
                  {m.met === null ? '' : m.met ? '(met)' : '(not met)'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </section>
  );
}

function ReviewForm({ planId, today }: { planId: number; today: string }) {
  const m = useRpcMutation('casework.plan.review', ['casework.plan.get', 'casework.pupil']);
  const [on, setOn] = useState(today);
  const [who, setWho] = useState('');
  const [notes, setNotes] = useState('');
  const [next, setNext] = useState(addDays(today, 14));
  useUnsavedGuard(notes !== '' && !m.isSuccess);
  return (
    <form
      className="form-grid"
      aria-label="Record a review"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(
          { planId, reviewedOn: on, attendees: who, notes, nextReview: next || null },
          { onSuccess: () => setNotes('') },
        );
      }}
    >
      <Field label="Review date">
        <DateInput value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="Who attended" required>
        <Input value={who} onChange={(_, d) => setWho(d.value)} />
      </Field>
      <Field label="Notes of the review" required>
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} />
      </Field>
      <Field label="Next review">
        <DateInput value={next} onChange={(_, d) => setNext(d.value)} />
      </Field>
      <Button type="submit" disabled={m.isPending}>
        Save review
      </Button>
      <ErrorBar error={m.error} />
    </form>
  );
}

function CloseForm({ planId, today }: { planId: number; today: string }) {
  const m = useRpcMutation('casework.plan.close', ['casework.plan.get', 'casework.pupil']);
  const [outcome, setOutcome] = useState<PlanOutcome>('met');
  const [note, setNote] = useState('');
  return (
    <form
      className="row"
      aria-label="Close the plan"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ planId, outcome, outcomeOn: today, note });
      }}
    >
      <Field label="Outcome">
        <Select value={outcome} onChange={(_, d) => setOutcome(d.value as PlanOutcome)}>
          {PLAN_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {PLAN_OUTCOME_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Note on the outcome">
        <Input value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <Button type="submit" disabled={m.isPending || !note.trim()}>
        Close the plan
      </Button>
      <ErrorBar error={m.error} />
    </form>
  );
}

export function PlanView({ planId, today }: { planId: number; today: string }) {
  const me = useMe();
  const q = useRpc('casework.plan.get', { planId });
  const exp = useRpcMutation('casework.plan.export', ['casework.plan.get', 'casework.pupil']);
  const [revising, setRevising] = useState(false);
  if (!q.data) {
    return (
      <div className="page">
        <h1>Reintegration plan</h1>
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const p = q.data;
  const c = p.plan.content;
  const writer = mayCall(me, 'casework.plan.review') && p.plan.status === 'open';
  return (
    <div className="page">
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
      <div className="row">
        <a href={`#/pupils/${p.plan.pupilId}`}>Back to {p.plan.pupilName}</a>
        {mayCall(me, 'casework.plan.export') && (
          <Button
            disabled={exp.isPending}
            onClick={() => exp.mutate({ planId }, { onSuccess: (r) => downloadBase64(r.base64, r.fileName) })}
          >
            Export to Word
          </Button>
        )}
        {writer && !revising && <Button onClick={() => setRevising(true)}>Revise the plan</Button>}
      </div>
      {writer && revising && (
        <ReviseForm
          key={p.plan.version}
          planId={planId}
          startOn={p.plan.startOn}
          current={c}
          onDone={() => setRevising(false)}
        />
      )}
      <ErrorBar error={exp.error} />
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
      <Figures p={p} />
      <Checkins p={p} today={today} writer={writer} />
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
              {e.template === 'shipped' ? 'shipped' : `school's ${e.template.replace('school ', '')}`}{' '}
              template ({e.by}, {formatUkDate(e.at.slice(0, 10))})
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
