// Reintegration plans on screen (docs/rules/casework.md): writing one (the plan form, from a proposal), reading one
// with its figures before, during and after (chart and table), recording a review, closing it, exporting to Word.
// The page's sections are in PlanSections.tsx, the figures in PlanFigures.tsx, the forms in PlanRevise.tsx,
// PlanCheckin.tsx and PlanReviewForms.tsx.
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { FIRST_REVIEW_DAYS } from '../../../../shared/casework';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadBase64 } from '../../download';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { PlanForm, ReviseForm } from './PlanRevise';
import { Checkins } from './PlanCheckin';
import { Figures } from './PlanFigures';
import { PlanReviews, PlanSteps, PlanSummary, PlanVersions } from './PlanSections';
import { proposal } from './proposal';

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

/** Back to the pupil, exporting to Word (for those who may) and revising (for the lead, while the plan is open). */
function PlanToolbar({
  pupilId,
  pupilName,
  exporter,
  exporting,
  onExport,
  mayRevise,
  onRevise,
}: {
  pupilId: number;
  pupilName: string;
  exporter: boolean;
  exporting: boolean;
  onExport: () => void;
  mayRevise: boolean;
  onRevise: () => void;
}) {
  return (
    <div className="row">
      <a href={`#/pupils/${pupilId}`}>Back to {pupilName}</a>
      {exporter && (
        <Button disabled={exporting} onClick={onExport}>
          Export to Word
        </Button>
      )}
      {mayRevise && <Button onClick={onRevise}>Revise the plan</Button>}
    </div>
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
      <PlanSummary p={p} />
      <PlanToolbar
        pupilId={p.plan.pupilId}
        pupilName={p.plan.pupilName}
        exporter={mayCall(me, 'casework.plan.export')}
        exporting={exp.isPending}
        onExport={() => exp.mutate({ planId }, { onSuccess: (r) => downloadBase64(r.base64, r.fileName) })}
        mayRevise={writer && !revising}
        onRevise={() => setRevising(true)}
      />
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
      <PlanSteps c={c} />
      <Figures p={p} />
      <Checkins p={p} today={today} writer={writer} />
      <PlanReviews p={p} planId={planId} today={today} writer={writer} />
      <PlanVersions p={p} />
    </div>
  );
}
