// The read-only sections of one arrangement's record (docs/rules/arrangements.md): what was agreed, and every
// pattern from its date with the reviews.
import { Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import {
  patternText,
  ARRANGEMENT_OUTCOME_LABELS,
  TIMETABLE_REASON_LABELS,
} from '../../../../shared/arrangements';
import { formatUkDate } from '../../../../shared/dates';

export type Arrangement = Output<'arrangements.get'>['arrangement'];

const told = (on: string | null, how: string | null) =>
  on ? `${formatUkDate(on)} (${how ?? ''})` : 'not yet';

/** Why, the circumstances, the dates and the pattern now. */
function TermsFacts({ a }: { a: Arrangement }) {
  return (
    <>
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
    </>
  );
}

/** Who agreed and who was told, the next review, the notes and the outcome. */
function PeopleFacts({ a }: { a: Arrangement }) {
  return (
    <>
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
    </>
  );
}

export function AgreedSection({ a }: { a: Arrangement }) {
  return (
    <section className="card" aria-labelledby="h-agreed">
      <Text as="h2" id="h-agreed" weight="semibold" size={500}>
        What was agreed
      </Text>
      <dl className="facts">
        <TermsFacts a={a} />
        <PeopleFacts a={a} />
      </dl>
    </section>
  );
}

function ReviewsTable({ reviews }: { reviews: Arrangement['reviews'] }) {
  return (
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
        {reviews.map((r) => (
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
  );
}

export function HistorySection({ a }: { a: Arrangement }) {
  return (
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
      {a.reviews.length === 0 ? <Text>No review yet.</Text> : <ReviewsTable reviews={a.reviews} />}
    </section>
  );
}
