// The pupil page's casework (docs/rules/casework.md): what to do next, barriers, actions, plans, and one timeline
// newest first. What the office may not read (restricted detail) never reaches this screen: the core removes it.
import { useState } from 'react';
import { Badge, Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import {
  ACTION_OWNER_LABELS,
  ACTION_STATUS_LABELS,
  BARRIER_STATUS_LABELS,
  PLAN_OUTCOME_LABELS,
  TIMELINE_SOURCE_LABELS,
} from '../../../../shared/casework';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { BarrierForm, MeetingForm } from './forms';
import { JointForm, ReferralForm } from './MoreForms';
import { Referrals } from './Referrals';
import { ActionStatusForm, BarrierStatusForm } from './StatusForms';

export function PupilCasework({ pupilId, today }: { pupilId: number; today: string }) {
  const me = useMe();
  const q = useRpc('casework.pupil', { pupilId });
  const setAction = useRpcMutation('casework.setAction', ['casework.pupil']);
  const [open, setOpen] = useState<'barrier' | 'meeting' | 'referral' | 'joint' | null>(null);
  const [edit, setEdit] = useState<{ kind: 'barrier' | 'action'; id: number } | null>(null);
  const writer = mayCall(me, 'casework.addBarrier');
  if (!q.data) {
    return (
      <section className="card" aria-labelledby="casework-h">
        <h2 id="casework-h">Casework</h2>
        <ErrorBar error={q.error} />
      </section>
    );
  }
  const d = q.data;
  const editBarrier = edit?.kind === 'barrier' ? d.barriers.find((b) => b.id === edit.id) : undefined;
  return (
    <section className="card" aria-labelledby="casework-h">
      <h2 id="casework-h">Casework</h2>
      {d.severe && d.joint.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {d.pupilName} is severely absent and has no joint approach agreed with the local authority on
            record.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className="row">
        {writer && (
          <>
            <Button onClick={() => setOpen('barrier')}>Add a barrier</Button>
            <Button onClick={() => setOpen('meeting')}>Record a meeting</Button>
            <Button onClick={() => setOpen('referral')}>Record a referral</Button>
            <Button onClick={() => setOpen('joint')}>Record the LA joint approach</Button>
            <Button onClick={() => (window.location.hash = `#/casework/newplan/${pupilId}`)}>
              Write a reintegration plan
            </Button>
          </>
        )}
        <Link href={`#/casework/patterns/${pupilId}`}>Before a meeting: the data</Link>
      </div>
      {open === 'barrier' && <BarrierForm pupilId={pupilId} today={today} onDone={() => setOpen(null)} />}
      {open === 'referral' && <ReferralForm pupilId={pupilId} today={today} onDone={() => setOpen(null)} />}
      {open === 'joint' && <JointForm pupilId={pupilId} today={today} onDone={() => setOpen(null)} />}
      {open === 'meeting' && (
        <MeetingForm
          pupilId={pupilId}
          today={today}
          barriers={d.barriers
            .filter((b) => !b.hidden)
            .map((b) => ({ id: b.id, label: `${b.categoryLabel}: ${b.description}` }))}
          onDone={() => setOpen(null)}
        />
      )}
      <h3>Reintegration plans</h3>
      {d.plans.length === 0 ? (
        <p>No plan.</p>
      ) : (
        <ul>
          {d.plans.map((p) => (
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
          {d.barriers.map((b) => (
            <tr key={b.id}>
              <td>{formatUkDate(b.foundOn)}</td>
              <td>
                {b.categoryLabel} {b.restricted && <Badge appearance="outline">restricted</Badge>}
              </td>
              <td>{b.hidden ? 'Detail for the attendance lead and the head only' : b.description}</td>
              <td>
                {BARRIER_STATUS_LABELS[b.status]}
                {b.closedOn ? ` ${formatUkDate(b.closedOn)}` : ''}{' '}
                {writer && b.status !== 'resolved' && edit === null && (
                  <Button size="small" onClick={() => setEdit({ kind: 'barrier', id: b.id })}>
                    Update: {b.categoryLabel}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editBarrier && (
        <BarrierStatusForm
          barrier={{ id: editBarrier.id, label: editBarrier.categoryLabel, status: editBarrier.status }}
          today={today}
          onDone={() => setEdit(null)}
        />
      )}
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
          {d.actions.map((a) => (
            <tr key={a.id}>
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
                  <Button size="small" onClick={() => setAction.mutate({ id: a.id, status: 'done' })}>
                    Mark done: {a.what}
                  </Button>
                )}{' '}
                {writer && a.status === 'open' && edit === null && (
                  <Button size="small" onClick={() => setEdit({ kind: 'action', id: a.id })}>
                    Not done or cancel: {a.what}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBar error={setAction.error} />
      {edit?.kind === 'action' && (
        <ActionStatusForm
          action={d.actions.find((a) => a.id === edit.id)!}
          today={today}
          onDone={() => setEdit(null)}
        />
      )}
      <Referrals list={d.referrals} today={today} writer={writer} />
      <h3>Timeline</h3>
      <ol className="timeline" aria-label="Casework timeline, newest first">
        {d.timeline.map((t, k) => (
          <li key={`${t.source}-${t.refId}-${k}`}>
            <strong>{formatUkDate(t.at.slice(0, 10))}</strong> · {TIMELINE_SOURCE_LABELS[t.source]}: {t.title}
            {t.detail ? ` — ${t.detail}` : ''}
            {t.by ? ` (${t.by})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
