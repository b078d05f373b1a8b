// The pupil's casework lists (docs/rules/casework.md): the reintegration plans, the barriers and the actions with
// their buttons for moving them on, and the timeline newest first. The state and the calls stay in PupilCasework.
import { Badge, Button, Link } from '@fluentui/react-components';
import {
  ACTION_OWNER_LABELS,
  ACTION_STATUS_LABELS,
  BARRIER_STATUS_LABELS,
  PLAN_OUTCOME_LABELS,
  TIMELINE_SOURCE_LABELS,
} from '../../../../shared/casework';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';

type Casework = Output<'casework.pupil'>;

export function PlanList({ plans }: { plans: Casework['plans'] }) {
  return (
    <>
      <h3>Reintegration plans</h3>
      {plans.length === 0 ? (
        <p>No plan.</p>
      ) : (
        <ul>
          {plans.map((p) => (
            <li key={p.id}>
              <Link href={`#/casework/plan/${p.id}`}>Plan from {formatUkDate(p.startOn)}</Link> ·{' '}
              {p.status === 'open'
                ? `open, key adult ${p.keyAdult}`
                : `closed: ${PLAN_OUTCOME_LABELS[p.outcome!]}`}
              {p.nextReview ? ` · next review ${formatUkDate(p.nextReview)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `mayEdit`: no barrier or action is being updated already (one status form at a time). */
type RowButtons = { writer: boolean; mayEdit: boolean; onEdit: (id: number) => void };

export function BarrierTable({
  barriers,
  writer,
  mayEdit,
  onEdit,
}: { barriers: Casework['barriers'] } & RowButtons) {
  return (
    <>
      <h3>Barriers</h3>
      <table className="plain" aria-label="Barriers">
        <thead>
          <tr>
            <th>Found</th>
            <th>Category</th>
            <th>Detail</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {barriers.map((b) => (
            <tr key={b.id}>
              <td>{formatUkDate(b.foundOn)}</td>
              <td>
                {b.categoryLabel} {b.restricted && <Badge appearance="outline">restricted</Badge>}
              </td>
              <td>{b.hidden ? 'Detail for the attendance lead and the head only' : b.description}</td>
              <td>
                {BARRIER_STATUS_LABELS[b.status]}
                {b.closedOn ? ` ${formatUkDate(b.closedOn)}` : ''}{' '}
                {writer && b.status !== 'resolved' && mayEdit && (
                  <Button size="small" onClick={() => onEdit(b.id)}>
                    Update: {b.categoryLabel}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ActionRow({
  a,
  writer,
  mayEdit,
  onEdit,
  onMarkDone,
}: { a: Casework['actions'][number]; onMarkDone: (id: number) => void } & RowButtons) {
  return (
    <tr>
      <td>{a.what}</td>
      <td>
        {ACTION_OWNER_LABELS[a.ownerKind]}
        {a.ownerName ? ` (${a.ownerName})` : ''}
      </td>
      <td>
        {formatUkDate(a.dueOn)} {a.overdue && <Badge color="danger">overdue</Badge>}
      </td>
      <td>
        {ACTION_STATUS_LABELS[a.status]}
        {a.doneOn ? ` ${formatUkDate(a.doneOn)}` : ''}
        {writer && a.status === 'open' && (
          <Button size="small" onClick={() => onMarkDone(a.id)}>
            Mark done: {a.what}
          </Button>
        )}{' '}
        {writer && a.status === 'open' && mayEdit && (
          <Button size="small" onClick={() => onEdit(a.id)}>
            Not done or cancel: {a.what}
          </Button>
        )}
      </td>
    </tr>
  );
}

export function ActionTable({
  actions,
  onMarkDone,
  ...buttons
}: { actions: Casework['actions']; onMarkDone: (id: number) => void } & RowButtons) {
  return (
    <>
      <h3>Actions</h3>
      <table className="plain" aria-label="Actions">
        <thead>
          <tr>
            <th>What</th>
            <th>Owner</th>
            <th>By</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <ActionRow key={a.id} a={a} onMarkDone={onMarkDone} {...buttons} />
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CaseworkTimeline({ timeline }: { timeline: Casework['timeline'] }) {
  return (
    <>
      <h3>Timeline</h3>
      <ol className="timeline" aria-label="Casework timeline, newest first">
        {timeline.map((t, k) => (
          <li key={`${t.source}-${t.refId}-${k}`}>
            <strong>{formatUkDate(t.at.slice(0, 10))}</strong> · {TIMELINE_SOURCE_LABELS[t.source]}: {t.title}
            {t.detail ? ` — ${t.detail}` : ''}
            {t.by ? ` (${t.by})` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
