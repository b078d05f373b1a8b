// One arrangement's record (docs/rules/arrangements.md): what was agreed, every pattern from its date, reviews,
// who was told, the outcome; and, for the lead and the head, the forms that add to it (nothing is edited).
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import {
  ARRANGEMENT_KIND_LABELS,
  patternText,
  ARRANGEMENT_OUTCOME_LABELS,
  TIMETABLE_REASON_LABELS,
} from '../../../../shared/channels/arrangements';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { StatusBadge } from './StatusBadge';
import { ChangePatternForm, OutcomeForm, ReviewForm, ToldForm } from './DetailForms';
import { openJobLetter } from './jobLetter';

/** The agreement letter for the family, filled from this record (docs/rules/arrangements.md, "Agreement letters"). */
function AgreementLetter({ id, pupilName }: { id: number; pupilName: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      const r = await call('arrangements.agreementLetter', { id });
      setStatus(`Agreement letter made and logged on ${pupilName}'s page: ${await openJobLetter(r.jobId)}.`);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row">
      <Button disabled={busy} onClick={() => void make()}>
        Make the agreement letter
      </Button>
      {status && <Text role="status">{status}</Text>}
      <ErrorBar error={error} title="No letter made" />
    </div>
  );
}

export function ArrangementDetail({ id, today }: { id: number; today: string }) {
  const me = useMe();
  const q = useRpc('arrangements.get', { id });
  if (q.isPending) {
    return <Spinner label="Opening…" />;
  }
  if (q.error) {
    return <ErrorBar error={q.error} />;
  }
  const a = q.data.arrangement;
  const may = mayCall(me, 'arrangements.review') && !a.outcome;
  const told = (on: string | null, how: string | null) =>
    on ? `${formatUkDate(on)} (${how ?? ''})` : 'not yet';
  return (
    <div className="page">
      <p>
        <a href="#/arrangements">All arrangements</a>
      </p>
      <Title2 as="h1">
        {ARRANGEMENT_KIND_LABELS[a.kind]}: <a href={`#/pupils/${a.pupilId}`}>{a.pupilName}</a>
      </Title2>
      <div className="row">
        <StatusBadge status={a.status} />
      </div>
      {may && a.id !== null && <AgreementLetter id={a.id} pupilName={a.pupilName} />}
      {a.warnings.map((w) => (
        <MessageBar key={w} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <section className="card" aria-labelledby="h-agreed">
        <Text as="h2" id="h-agreed" weight="semibold" size={500}>
          What was agreed
        </Text>
        <dl className="facts">
          {a.reasonCategory && (
            <>
              <dt>Why</dt>
              <dd>{TIMETABLE_REASON_LABELS[a.reasonCategory]}</dd>
            </>
          )}
          <dt>Circumstances</dt>
          <dd>{a.reason}</dd>
          <dt>From</dt>
          <dd>{formatUkDate(a.startDate)}</dd>
          <dt>To</dt>
          <dd>
            {a.endDate ? formatUkDate(a.endDate) : 'open-ended'}
            {a.agreedEndDate && a.endDate !== a.agreedEndDate
              ? ` (agreed to ${formatUkDate(a.agreedEndDate)})`
              : ''}
          </dd>
          <dt>Not in school now</dt>
          <dd>{patternText(a.pattern)}</dd>
          <dt>Parent who agreed</dt>
          <dd>
            {a.parentName ?? 'not recorded'}
            {a.parentAgreedOn ? `, ${formatUkDate(a.parentAgreedOn)}` : ''}
          </dd>
          <dt>Approved by</dt>
          <dd>{a.approvedBy}</dd>
          <dt>Local authority told</dt>
          <dd>{told(a.laToldOn, a.laToldHow)}</dd>
          <dt>Social worker or virtual school told</dt>
          <dd>{told(a.socialWorkerToldOn, a.socialWorkerToldHow)}</dd>
          <dt>Next review</dt>
          <dd>
            {a.nextReviewOn ? formatUkDate(a.nextReviewOn) : '–'} (at least every {a.reviewEveryWeeks} weeks)
          </dd>
          {a.curriculumNotes && (
            <>
              <dt>Curriculum notes</dt>
              <dd>{a.curriculumNotes}</dd>
            </>
          )}
          {a.outcome && (
            <>
              <dt>Outcome</dt>
              <dd>
                {ARRANGEMENT_OUTCOME_LABELS[a.outcome.outcome]} on {formatUkDate(a.outcome.endedOn)}:{' '}
                {a.outcome.notes} ({a.outcome.by})
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="h-history">
        <Text as="h2" id="h-history" weight="semibold" size={500}>
          Patterns and reviews
        </Text>
        <ul className="plain-list" aria-label="Patterns">
          {a.patterns.map((p) => (
            <li key={p.fromDate}>
              From {formatUkDate(p.fromDate)}: not in school {patternText(p.away)} ({p.by})
            </li>
          ))}
        </ul>
        {a.reviews.length === 0 ? (
          <Text>No review yet.</Text>
        ) : (
          <table className="plain" aria-label="Reviews">
            <thead>
              <tr>
                <th>Reviewed</th>
                <th>Notes</th>
                <th>Extended to</th>
                <th>Next review</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {a.reviews.map((r) => (
                <tr key={r.id}>
                  <td>{formatUkDate(r.reviewedOn)}</td>
                  <td>{r.notes}</td>
                  <td>{r.newEndDate ? formatUkDate(r.newEndDate) : ''}</td>
                  <td>{r.nextReviewOn ? formatUkDate(r.nextReviewOn) : ''}</td>
                  <td>{r.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {may && (
        <>
          <ReviewForm id={id} today={today} />
          <ChangePatternForm id={id} current={a.pattern} />
          <ToldForm id={id} today={today} />
          <OutcomeForm id={id} today={today} endDate={a.endDate} />
        </>
      )}
    </div>
  );
}
