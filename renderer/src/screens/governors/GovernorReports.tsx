// The termly governor report (docs/rules/governor-report.md): every reader (lead, head, governors) opens the final
// reports; the lead and the head pick a period, check the figures, edit the key messages and produce a draft or
// the final document with a progress bar. Aggregates only: nothing here names a pupil.
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
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { downloadBase64 } from '../../download';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { BoardTarget } from './Targets';
import { DfeImport } from './DfeImport';
import { useProduceReport } from './useProduceReport';

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

type Figures = Output<'governors.preview'>['figures'];

function Headline({ f }: { f: Figures }) {
  return (
    <Text block>
      Attendance {formatPct1(f.headline.all.absencePct === null ? null : 100 - f.headline.all.absencePct)} for{' '}
      {f.headline.all.pupils} pupils; persistently absent {formatPct1(f.headline.all.persistentPct)} (
      {f.headline.all.persistentCount}).
    </Text>
  );
}

type Job = Output<'governors.job'>;

/** The produce job's failure or its progress while it runs. */
function JobProgress({ job, running }: { job: Job | undefined; running: boolean }) {
  return (
    <>
      {job?.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>The report could not be produced: {job.error}</MessageBarBody>
        </MessageBar>
      )}
      {running && (
        <ProgressBar
          aria-label={job?.step ?? 'Producing the report'}
          value={job ? job.done / job.total : 0}
        />
      )}
    </>
  );
}

function Produce({ today }: { today: string }) {
  const p = useProduceReport(today);
  const f = p.q.data?.figures;
  const cannot = !f || !!p.jobId || !p.messages.length;
  return (
    <section className="card" aria-labelledby="h-produce">
      <Text as="h2" id="h-produce" weight="semibold" size={500}>
        Produce a report
      </Text>
      <div className="row">
        <Field label="From">
          <DateInput value={p.from} onChange={(_, v) => v.value && p.setFrom(v.value)} />
        </Field>
        <Field label="To">
          <DateInput value={p.to} onChange={(_, v) => v.value && p.setTo(v.value)} />
        </Field>
      </div>
      {p.q.error && <ErrorBar error={p.q.error} />}
      {p.q.isFetching && <ProgressBar aria-label="Working out the figures" />}
      {f && <Headline f={f} />}
      <Field
        label="Key messages, one a line (at most 5)"
        hint="Suggested from the figures; edit before the final report."
      >
        <Textarea rows={6} value={p.shownText} onChange={(_, v) => p.setText(v.value)} />
      </Field>
      {p.produce.error && <ErrorBar error={p.produce.error} />}
      <JobProgress job={p.job.data} running={!!p.jobId} />
      <div className="row">
        <Button disabled={cannot} onClick={() => p.go(false)}>
          Download a draft
        </Button>
        <Button appearance="primary" disabled={cannot} onClick={() => p.go(true)}>
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
