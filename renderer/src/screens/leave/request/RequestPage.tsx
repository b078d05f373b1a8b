// One leave request: its warnings, forecast, history and decision, and the decision letter. The sections are
// beside this file; deciding is in ../Decision.tsx.
import { useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useRpc } from '../../../hooks';
import { ErrorBar } from '../../../components/ErrorBar';
import { DecisionPanel, Forecast } from '../Decision';
import { GProposals } from '../GProposals';
import { STATUS_LABEL, StatusBadge, type DecisionRow, type Detail } from '../common';
import { RequestDetails, Warnings } from './RequestDetails';
import { Evidence, SessionsAsked } from './SessionsAndEvidence';
import { DecisionHistory } from './DecisionHistory';

function Heading({ d }: { d: Detail }) {
  const r = d.request;
  return (
    <>
      <p>
        <a href="#/leave/queue">← Leave of absence</a>
      </p>
      <Title2 as="h1">Leave request: {r.pupilName}</Title2>
      <div className="row">
        <StatusBadge status={r.status} />
        <Text>
          {r.regGroup} · Year {r.yearGroup} · <a href={`#/pupils/${r.pupilId}`}>pupil page</a>
        </Text>
      </div>
      {d.siblings.length > 0 && (
        <Text>
          Same family request:{' '}
          {d.siblings.map((s, k) => (
            <span key={s.id}>
              {k > 0 && ', '}
              <a href={`#/leave/${s.id}`}>{s.pupilName}</a> ({STATUS_LABEL[s.status].toLowerCase()})
            </span>
          ))}
        </Text>
      )}
    </>
  );
}

/** Deciding, or revising the standing decision, for the head (or the person the head authorised); others wait. */
function Decide({ id, d, current }: { id: number; d: Detail; current: DecisionRow | null }) {
  const [revising, setRevising] = useState(false);
  useEffect(() => setRevising(false), [id]);
  if (!d.mayDecide) {
    return current ? null : (
      <MessageBar intent="info">
        <MessageBarBody>
          Waiting for the headteacher (or a person the headteacher has authorised) to decide.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!current) {
    return <DecisionPanel key="decide" d={d} revising={null} onDone={() => undefined} />;
  }
  if (!revising) {
    return (
      <div className="row">
        <Button onClick={() => setRevising(true)}>Revise the decision…</Button>
      </div>
    );
  }
  return (
    <DecisionPanel key={`revise-${current.id}`} d={d} revising={current} onDone={() => setRevising(false)} />
  );
}

export function RequestPage({ id }: { id: number }) {
  const q = useRpc('leave.get', { id });
  if (!q.data) {
    return (
      <div className="page">
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const d = q.data;
  const current = d.decisions.find((x) => x.current) ?? null;
  return (
    <div className="page">
      <Heading d={d} />
      <Warnings warnings={d.warnings} />
      <RequestDetails d={d} />
      <Forecast d={d} days={null} />
      <Decide id={id} d={d} current={current} />
      <SessionsAsked d={d} current={current} />
      <Evidence evidence={d.evidence} />
      <DecisionHistory decisions={d.decisions} />
      {current && current.outcome !== 'granted' && <GProposals requestId={id} />}
    </div>
  );
}
