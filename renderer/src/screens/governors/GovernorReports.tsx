// The termly governor report (docs/rules/governor-report.md): every reader (lead, head, governors) opens the final
// reports; the lead and the head pick a period, check the figures, edit the key messages and produce a draft or
// the final document with a progress bar. Aggregates only: nothing here names a pupil.
import { useEffect, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { academicYearOf, formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { downloadBase64 } from '../../download';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { BoardTarget } from './Targets';
import { DfeImport } from './DfeImport';

function FinalReports() {
  const q = useRpc('governors.reports', {});
  const open = async (id: number) => {
    const f = await call('governors.file', { id });
    downloadBase64(f.base64, f.fileName);
  };
  return (
    <section className="card" aria-labelledby="h-final">
      <Text as="h2" id="h-final" weight="semibold" size={500}>
        Final reports
      </Text>
      {q.error && <ErrorBar error={q.error} />}
      {q.data && !q.data.reports.length && <Text block>No final report has been produced yet.</Text>}
      {!!q.data?.reports.length && (
        <table className="plain" aria-label="Final governor reports">
          <thead>
            <tr>
              <th>Report</th>
              <th>Period</th>
              <th>Produced</th>
              <th>Document</th>
            </tr>
          </thead>
          <tbody>
            {q.data.reports.map((r) => (
              <tr key={r.id}>
                <td>{r.title}</td>
                <td>
                  {formatUkDate(r.from)} to {formatUkDate(r.to)}
                </td>
                <td>
                  {r.producedBy}, {formatUkDate(r.producedAt.slice(0, 10))}
                </td>
                <td>
                  <Button size="small" onClick={() => void open(r.id)} aria-label={`Open ${r.title}`}>
                    Open
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Produce({ today }: { today: string }) {
  const [from, setFrom] = useState(`${academicYearOf(today)}-09-01`);
  const [to, setTo] = useState(today);
  const [text, setText] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const q = useRpc('governors.preview', { from, to }, { enabled: from <= to });
  const produce = useRpcMutation('governors.produce', ['governors.reports']);
  const job = useRpc('governors.job', { jobId: jobId ?? '' }, { enabled: !!jobId, refetchInterval: 300 });
  useEffect(() => setText(null), [from, to]);
  useEffect(() => {
    const j = job.data;
    if (j?.status === 'done' && j.base64 && j.fileName) {
      downloadBase64(j.base64, j.fileName);
    }
    if (j && j.status !== 'running') {
      setJobId(null);
    }
  }, [job.data]);
  const messages = (text ?? q.data?.keyMessages.join('\n') ?? '')
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);
  const go = (final: boolean) =>
    produce.mutate({ from, to, keyMessages: messages, final }, { onSuccess: (r) => setJobId(r.jobId) });
  const f = q.data?.figures;
  return (
    <section className="card" aria-labelledby="h-produce">
      <Text as="h2" id="h-produce" weight="semibold" size={500}>
        Produce a report
      </Text>
      <div className="row">
        <Field label="From">
          <DateInput value={from} onChange={(_, v) => v.value && setFrom(v.value)} />
        </Field>
        <Field label="To">
          <DateInput value={to} onChange={(_, v) => v.value && setTo(v.value)} />
        </Field>
      </div>
      {q.error && <ErrorBar error={q.error} />}
      {q.isFetching && <ProgressBar aria-label="Working out the figures" />}
      {f && (
        <Text block>
          Attendance {formatPct1(f.headline.all.absencePct === null ? null : 100 - f.headline.all.absencePct)}{' '}
          for {f.headline.all.pupils} pupils; persistently absent {formatPct1(f.headline.all.persistentPct)} (
          {f.headline.all.persistentCount}).
        </Text>
      )}
      <Field
        label="Key messages, one a line (at most 5)"
        hint="Suggested from the figures; edit before the final report."
      >
        <Textarea
          rows={6}
          value={text ?? q.data?.keyMessages.join('\n') ?? ''}
          onChange={(_, v) => setText(v.value)}
        />
      </Field>
      {produce.error && <ErrorBar error={produce.error} />}
      {job.data?.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>The report could not be produced: {job.data.error}</MessageBarBody>
        </MessageBar>
      )}
      {jobId && (
        <ProgressBar
          aria-label={job.data?.step ?? 'Producing the report'}
          value={job.data ? job.data.done / job.data.total : 0}
        />
      )}
      <div className="row">
        <Button disabled={!f || !!jobId || !messages.length} onClick={() => go(false)}>
          Download a draft
        </Button>
        <Button appearance="primary" disabled={!f || !!jobId || !messages.length} onClick={() => go(true)}>
          Produce the final report
        </Button>
      </div>
    </section>
  );
}

export function GovernorReports({ today }: { today: string }) {
  const me = useMe();
  return (
    <div className="page">
      <Title2 as="h1">Governor reports</Title2>
      {me && mayCall(me, 'governors.produce') && <Produce today={today} />}
      <FinalReports />
      <BoardTarget today={today} canEdit={!!me && mayCall(me, 'governors.saveTarget')} />
      {me && mayCall(me, 'governors.importDfe') && <DfeImport />}
    </div>
  );
}
