// The pupil page's casework (docs/rules/casework.md): what to do next, barriers, actions, plans, and one timeline
// newest first. What the office may not read (restricted detail) never reaches this screen: the core removes it.
// The lists are in PupilCaseworkLists.tsx, the forms in forms.tsx, MoreForms.tsx and StatusForms.tsx.
import { useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { BarrierForm, MeetingForm } from './forms';
import { JointForm, ReferralForm } from './MoreForms';
import { Referrals } from './Referrals';
import { ActionStatusForm, BarrierStatusForm } from './StatusForms';
import { ActionTable, BarrierTable, CaseworkTimeline, PlanList } from './PupilCaseworkLists';

type OpenForm = 'barrier' | 'meeting' | 'referral' | 'joint';

/** The lead's buttons for recording casework, and the link to the data before a meeting. */
function CaseworkButtons({
  pupilId,
  writer,
  onOpen,
}: {
  pupilId: number;
  writer: boolean;
  onOpen: (form: OpenForm) => void;
}) {
  return (
    <div className="row">
      {writer && (
        <>
          <Button onClick={() => onOpen('barrier')}>Add a barrier</Button>
          <Button onClick={() => onOpen('meeting')}>Record a meeting</Button>
          <Button onClick={() => onOpen('referral')}>Record a referral</Button>
          <Button onClick={() => onOpen('joint')}>Record the LA joint approach</Button>
          <Button onClick={() => (window.location.hash = `#/casework/newplan/${pupilId}`)}>
            Write a reintegration plan
          </Button>
        </>
      )}
      <Link href={`#/casework/patterns/${pupilId}`}>Before a meeting: the data</Link>
    </div>
  );
}

/** A severely absent pupil with no joint approach agreed with the local authority on record. */
function NoJointApproach({ pupilName }: { pupilName: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {pupilName} is severely absent and has no joint approach agreed with the local authority on record.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The recording form the lead opened, if any. */
function OpenedForm({
  open,
  pupilId,
  today,
  barriers,
  onDone,
}: {
  open: OpenForm | null;
  pupilId: number;
  today: string;
  barriers: Output<'casework.pupil'>['barriers'];
  onDone: () => void;
}) {
  return (
    <>
      {open === 'barrier' && <BarrierForm pupilId={pupilId} today={today} onDone={onDone} />}
      {open === 'referral' && <ReferralForm pupilId={pupilId} today={today} onDone={onDone} />}
      {open === 'joint' && <JointForm pupilId={pupilId} today={today} onDone={onDone} />}
      {open === 'meeting' && (
        <MeetingForm
          pupilId={pupilId}
          today={today}
          barriers={barriers
            .filter((b) => !b.hidden)
            .map((b) => ({ id: b.id, label: `${b.categoryLabel}: ${b.description}` }))}
          onDone={onDone}
        />
      )}
    </>
  );
}

export function PupilCasework({ pupilId, today }: { pupilId: number; today: string }) {
  const me = useMe();
  const q = useRpc('casework.pupil', { pupilId });
  const setAction = useRpcMutation('casework.setAction', ['casework.pupil']);
  const [open, setOpen] = useState<OpenForm | null>(null);
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
  const closeForm = () => setOpen(null);
  const editBarrier = edit?.kind === 'barrier' ? d.barriers.find((b) => b.id === edit.id) : undefined;
  return (
    <section className="card" aria-labelledby="casework-h">
      <h2 id="casework-h">Casework</h2>
      {d.severe && d.joint.length === 0 && <NoJointApproach pupilName={d.pupilName} />}
      <CaseworkButtons pupilId={pupilId} writer={writer} onOpen={setOpen} />
      <OpenedForm open={open} pupilId={pupilId} today={today} barriers={d.barriers} onDone={closeForm} />
      <PlanList plans={d.plans} />
      <BarrierTable
        barriers={d.barriers}
        writer={writer}
        mayEdit={edit === null}
        onEdit={(id) => setEdit({ kind: 'barrier', id })}
      />
      {editBarrier && (
        <BarrierStatusForm
          barrier={{ id: editBarrier.id, label: editBarrier.categoryLabel, status: editBarrier.status }}
          today={today}
          onDone={() => setEdit(null)}
        />
      )}
      <ActionTable
        actions={d.actions}
        writer={writer}
        mayEdit={edit === null}
        onEdit={(id) => setEdit({ kind: 'action', id })}
        onMarkDone={(id) => setAction.mutate({ id, status: 'done' })}
      />
      <ErrorBar error={setAction.error} />
      {edit?.kind === 'action' && (
        <ActionStatusForm
          action={d.actions.find((a) => a.id === edit.id)!}
          today={today}
          onDone={() => setEdit(null)}
        />
      )}
      <Referrals list={d.referrals} today={today} writer={writer} />
      <CaseworkTimeline timeline={d.timeline} />
    </section>
  );
}
