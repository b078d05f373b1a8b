// One leave request: its warnings, forecast, history and decision, and the decision letter.
import { useEffect, useState } from 'react';
import { Button, ProgressBar, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { LEAVE_KIND_LABELS, LEAVE_RECEIVED_LABELS } from '../../../../shared/channels/leave';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics';
import { BAND_LABELS } from '../../../../shared/bands';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../../auth/when';
import { pollJob } from '../../letters/util';
import { downloadBase64 } from '../../download';
import { pluralS } from '../../../../shared/names';
import { DecisionPanel, Forecast } from './Decision';
import { GProposals } from './GProposals';
import { STATUS_LABEL, StatusBadge, range } from './common';

export function RequestPage({ id }: { id: number }) {
  const q = useRpc('leave.get', { id });
  const letter = useRpcMutation('leave.decisionLetter', ['leave.get']);
  const qc = useQueryClient();
  const [letterError, setLetterError] = useState<unknown>(null);
  const [writing, setWriting] = useState(false);
  const [revising, setRevising] = useState(false);
  useEffect(() => setRevising(false), [id]);
  if (!q.data) {
    return (
      <div className="page">
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const d = q.data;
  const r = d.request;
  const current = d.decisions.find((x) => x.current) ?? null;
  // The letters engine writes the letter (the school's own template, logged on the pupil); follow its job, then download.
  const getLetter = async (decisionId: number) => {
    setLetterError(null);
    const j = await letter.mutateAsync({ decisionId });
    const end = await pollJob(j.jobId, () => undefined);
    if (end.status === 'failed') {
      throw new Error(end.error ?? 'The letter could not be made.');
    }
    for (const l of end.result?.letters ?? []) {
      if (l.logId) {
        const f = await call('letters.file', { logId: l.logId });
        downloadBase64(f.base64, f.fileName);
      }
    }
    await qc.invalidateQueries({ queryKey: ['leave.get'] });
  };
  return (
    <div className="page">
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
      <section className="card" aria-labelledby="h-warnings">
        <Text as="h2" id="h-warnings" weight="semibold" size={500}>
          Warnings
        </Text>
        {d.warnings.length === 0 && <Text>None.</Text>}
        {d.warnings.map((w, k) => (
          <MessageBar
            key={k}
            intent={
              w.kind === 'penalty' || w.kind === 'not_lives_with' || w.kind === 'not_in_advance'
                ? 'warning'
                : 'info'
            }
            style={{ marginTop: 4 }}
          >
            <MessageBarBody>{w.message}</MessageBarBody>
          </MessageBar>
        ))}
      </section>
      <section className="card grid2" aria-label="Request details">
        <div>
          <Text weight="semibold">Dates asked for</Text>
          <br />
          {range(r)} ({r.days} school day{pluralS(r.days)}, {r.sessions} sessions)
        </div>
        <div>
          <Text weight="semibold">Kind</Text>
          <br />
          {LEAVE_KIND_LABELS[r.kind]}
        </div>
        <div>
          <Text weight="semibold">Asked by</Text>
          <br />
          {r.requesterName}
          {r.requesterRelationship ? ` (${r.requesterRelationship})` : ''}
          {r.requesterLivesWith ? ', lives with the pupil' : ', not recorded as living with the pupil'}
        </div>
        <div>
          <Text weight="semibold">Received</Text>
          <br />
          {formatUkDate(r.dateReceived)} by {LEAVE_RECEIVED_LABELS[r.howReceived].toLowerCase()}, entered by{' '}
          {r.createdBy}
        </div>
        <div>
          <Text weight="semibold">The parent's reason</Text>
          <br />
          {r.reason}
        </div>
        <div>
          <Text weight="semibold">Notes</Text>
          <br />
          {r.notes ?? '–'}
        </div>
        {r.kind === 'religious_observance' && (
          <div>
            <Text weight="semibold">Observance</Text>
            <br />
            {r.observance} ({r.religiousBody}):{' '}
            {r.observanceDays.map(formatUkDate).join(', ') || 'no day recorded'}
          </div>
        )}
        <div>
          <Text weight="semibold">This school year so far</Text>
          <br />
          Attendance {formatPct1(d.figures.attendancePct)} ({d.figures.possible} sessions possible),{' '}
          {d.figures.unauthorised} unauthorised
          {d.figures.band ? `; ${BAND_LABELS[d.figures.band].inSentence}` : ''}. Compulsory school age:{' '}
          {d.compulsoryAge ? 'yes' : 'no'}.
        </div>
      </section>
      <Forecast d={d} days={null} />
      {d.mayDecide && !current && (
        <DecisionPanel key="decide" d={d} revising={null} onDone={() => undefined} />
      )}
      {d.mayDecide && current && !revising && (
        <div className="row">
          <Button onClick={() => setRevising(true)}>Revise the decision…</Button>
        </div>
      )}
      {d.mayDecide && current && revising && (
        <DecisionPanel
          key={`revise-${current.id}`}
          d={d}
          revising={current}
          onDone={() => setRevising(false)}
        />
      )}
      {!d.mayDecide && !current && (
        <MessageBar intent="info">
          <MessageBarBody>
            Waiting for the headteacher (or a person the headteacher has authorised) to decide.
          </MessageBarBody>
        </MessageBar>
      )}
      <section className="card" aria-labelledby="h-sessions">
        <Text as="h2" id="h-sessions" weight="semibold" size={500}>
          Sessions asked for
        </Text>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of sessions asked for">
          <table className="plain" aria-label="Sessions asked for">
            <thead>
              <tr>
                <th>Date</th>
                <th>Session</th>
                <th>Code if granted</th>
                <th>Granted now</th>
                <th>Register mark</th>
              </tr>
            </thead>
            <tbody>
              {d.requested.map((s) => {
                const g = current?.sessions.some((x) => x.date === s.date && x.session === s.session);
                return (
                  <tr key={s.date + s.session}>
                    <td>{formatUkDate(s.date)}</td>
                    <td>{s.session}</td>
                    <td>{s.code}</td>
                    <td>{current ? (g ? 'yes' : 'no') : '–'}</td>
                    <td>{s.mark ?? '·'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="h-evidence">
        <Text as="h2" id="h-evidence" weight="semibold" size={500}>
          Evidence
        </Text>
        {d.evidence.length === 0 ? (
          <Text>No file.</Text>
        ) : (
          <ul>
            {d.evidence.map((e) => (
              <li key={e.id}>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() =>
                    void call('leave.evidence', { id: e.id }).then((x) =>
                      downloadBase64(x.base64, x.fileName, x.mimeType),
                    )
                  }
                >
                  {e.fileName}
                </Button>{' '}
                ({Math.ceil(e.size / 1024)} KB, added by {e.addedBy} on {formatWhen(e.addedAt).slice(0, 10)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="h-decisions">
        <Text as="h2" id="h-decisions" weight="semibold" size={500}>
          Decisions
        </Text>
        {d.decisions.length === 0 && <Text>Not decided yet.</Text>}
        {d.decisions.length > 0 && (
          <ol aria-label="Decision history">
            {d.decisions.map((x) => (
              <li key={x.id} style={{ marginBottom: 8 }}>
                <Text weight="semibold">{STATUS_LABEL[x.outcome]}</Text>
                {x.outcome !== 'refused'
                  ? `: ${x.daysGranted} day${pluralS(x.daysGranted)}, ${x.sessionsGranted} sessions as ${x.code ?? '–'}`
                  : ''}{' '}
                by {x.deciderName}, {x.deciderPosition}, on {formatWhen(x.decidedAt)}
                {x.supersedes ? ` (revises decision ${x.supersedes})` : ''}
                {x.current ? '' : ' – superseded'}.
                <br />
                Reason: {x.reason}
                <br />
                {x.letters.length
                  ? `Letter produced ${x.letters.map((l) => `${formatWhen(l.generatedAt).slice(0, 10)} by ${l.generatedBy}`).join('; ')}. `
                  : ''}
                <Button
                  size="small"
                  onClick={() => {
                    setWriting(true);
                    void getLetter(x.id)
                      .catch(setLetterError)
                      .finally(() => setWriting(false));
                  }}
                  disabled={writing}
                >
                  Decision letter (.docx)
                </Button>
              </li>
            ))}
          </ol>
        )}
        {writing && <ProgressBar aria-label="Writing the decision letter" />}
        <ErrorBar error={letterError} title="The letter was not produced" />
      </section>
      {current && current.outcome !== 'granted' && <GProposals requestId={id} />}
    </div>
  );
}
