// The pupil page's letters: the ladder stage and next step, every letter logged (template, stage, date, who,
// addressees, figures, file hash), marking one as sent, writing one letter now, the meetings held, and contacts
// who must never receive letters.
import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  ProgressBar,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { formatUkDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics';
import { useRpc, useRpcMutation } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from './ErrorBar';
import { DateInput } from './DateInput';
import { pollJob, STAGE_COLOURS, type JobState } from '../letters/util';
import { downloadBase64 } from '../download';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/AuthGate';
import { mayCall } from '../auth/access';

function SendControl({ logId, today }: { logId: number; today: string }) {
  const m = useRpcMutation('letters.markSent', ['letters.log']);
  const [method, setMethod] = useState<'post' | 'hand' | 'email'>('post');
  const [on, setOn] = useState(today);
  return (
    <div className="row">
      <Select
        size="small"
        aria-label="How it was sent"
        value={method}
        onChange={(_, d) => setMethod(d.value as 'post')}
      >
        <option value="post">Post</option>
        <option value="hand">By hand</option>
        <option value="email">Email</option>
      </Select>
      <DateInput aria-label="Sent on" value={on} onChange={(_, d) => setOn(d.value)} />
      <Button
        size="small"
        disabled={m.isPending || !on}
        onClick={() => m.mutate({ logId, method, sentOn: on })}
      >
        Mark as sent
      </Button>
      <ErrorBar error={m.error} />
    </div>
  );
}

export function PupilLetters({ pupilId, today }: { pupilId: number; today: string }) {
  const qc = useQueryClient();
  const me = useMe();
  const q = useRpc('letters.log', { pupilId });
  const templates = useRpc('letters.templates', {});
  const meeting = useRpcMutation('letters.saveMeeting', ['letters.log']);
  const restrict = useRpcMutation('letters.restrictContact', ['letters.log']);
  const lift = useRpcMutation('letters.liftRestriction', ['letters.log']);
  const [template, setTemplate] = useState('attendance-concern');
  const [reason, setReason] = useState('');
  const [job, setJob] = useState<JobState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [m, setM] = useState({
    kind: 'attendance' as 'attendance' | 'reintegration' | 'contract',
    date: today,
    time: '',
    place: '',
    attendees: '',
    held: false,
    notes: '',
  });
  const [rName, setRName] = useState('');
  const [rWhy, setRWhy] = useState('');
  const write = async () => {
    setError(null);
    setJob(null);
    try {
      const r = await call('letters.renderOne', {
        template,
        pupilIds: [pupilId],
        ...(reason.trim() ? { overrideReason: reason } : {}),
      });
      const end = await pollJob(r.jobId, setJob);
      if (end.status === 'failed') {
        setError(new Error(end.error ?? 'The letter failed.'));
      }
      await qc.invalidateQueries({ queryKey: ['letters.log'] });
      for (const l of end.result?.letters ?? []) {
        if (l.logId) {
          const f = await call('letters.file', { logId: l.logId });
          downloadBase64(f.base64, f.fileName);
        }
      }
    } catch (e) {
      setError(e);
    }
  };
  const download = async (logId: number) => {
    try {
      const f = await call('letters.file', { logId });
      downloadBase64(f.base64, f.fileName);
    } catch (e) {
      setError(e);
    }
  };
  if (!q.data) {
    return <ErrorBar error={q.error} />;
  }
  const { entries, ladder, meetings, restrictions } = q.data;
  const mayWrite = mayCall(me, 'letters.renderOne');
  return (
    <section className="card" aria-labelledby="h-letters" id="letters">
      <Text as="h2" id="h-letters" weight="semibold" size={500}>
        Letters to parents
      </Text>
      <p>
        Stage:{' '}
        <Badge appearance="tint" color={STAGE_COLOURS[ladder.stage]}>
          {ladder.label}
        </Badge>{' '}
        · Next step: {ladder.nextStep}
        {ladder.meetingsHeld
          ? ` · ${ladder.meetingsHeld} meeting${ladder.meetingsHeld > 1 ? 's' : ''} held`
          : ''}
      </p>
      {entries.length === 0 ? (
        <Text>No letter has been sent yet.</Text>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="plain" aria-label="Letter log">
            <thead>
              <tr>
                <th>Date</th>
                <th>Letter</th>
                <th>To</th>
                <th>Figures used</th>
                <th>By</th>
                <th>Sent</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    {formatUkDate(e.letterDate)}
                    <br />
                    <span className="muted">ref. {e.reference}</span>
                  </td>
                  <td>
                    {e.title}
                    <br />
                    <span className="muted">
                      {e.templateVersion}
                      {e.overrideReason ? ` · override: ${e.overrideReason}` : ''}
                    </span>
                  </td>
                  <td>{e.addressees.map((a) => a.names.join(' and ')).join('; ')}</td>
                  <td>
                    {formatPct1(e.attendancePct)} from {formatUkDate(e.periodFrom)} to{' '}
                    {formatUkDate(e.periodTo)}
                    <br />
                    <span className="muted" title={e.fileSha256}>
                      file {e.fileSha256.slice(0, 12)}…
                    </span>
                  </td>
                  <td>
                    {e.generatedBy}
                    <br />
                    <Link as="button" onClick={() => void download(e.id)}>
                      Download
                    </Link>
                  </td>
                  <td>
                    {e.sends.map((s, i) => (
                      <div key={i}>
                        {s.method === 'hand' ? 'by hand' : s.method} on {formatUkDate(s.sentOn)} (
                        {s.recordedBy})
                      </div>
                    ))}
                    <SendControl logId={e.id} today={today} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayWrite && (
        <>
          <Text as="h3" weight="semibold" size={400} style={{ display: 'block', marginTop: 16 }}>
            Write one letter now
          </Text>
          <div className="row">
            <Field label="Letter">
              <Select value={template} onChange={(_, d) => setTemplate(d.value)}>
                {templates.data?.templates
                  .filter((t) => t.extra.every((x) => x.computed))
                  .map((t) => (
                    <option key={t.name} value={t.name}>
                      {t.title}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label="Reason, if a warning stops it">
              <Input value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <Button appearance="primary" onClick={() => void write()}>
              Write and download
            </Button>
          </div>
          <Text size={200} className="muted">
            Letters that need more details (meetings, timetables, leave):{' '}
            <Link href={`#/letters/pupil/${pupilId}`}>write them on the Letters screen</Link>.
          </Text>
          {job?.status === 'running' && (
            <ProgressBar
              aria-label="Writing the letter"
              value={job.total ? job.done / job.total : undefined}
            />
          )}
          <ErrorBar error={error} />
          <Text as="h3" weight="semibold" size={400} style={{ display: 'block', marginTop: 16 }}>
            Meetings with the family
          </Text>
          {meetings.length > 0 && (
            <ul aria-label="Meetings">
              {meetings.map((x) => (
                <li key={x.id}>
                  {formatUkDate(x.date)}
                  {x.time ? ` ${x.time}` : ''}: {x.kind} meeting{x.place ? ` at ${x.place}` : ''}
                  {x.held ? ' (held)' : ' (planned)'}
                  {x.notes ? ` — ${x.notes}` : ''}
                  {!x.held && x.date <= today && (
                    <>
                      {' '}
                      <Link as="button" onClick={() => meeting.mutate({ ...x, held: true })}>
                        Mark as held
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="row">
            <Field label="Kind">
              <Select value={m.kind} onChange={(_, d) => setM({ ...m, kind: d.value as 'attendance' })}>
                <option value="attendance">Attendance</option>
                <option value="reintegration">Reintegration</option>
                <option value="contract">Attendance contract</option>
              </Select>
            </Field>
            <Field label="Date">
              <DateInput value={m.date} onChange={(_, d) => setM({ ...m, date: d.value })} />
            </Field>
            <Field label="Time">
              <Input value={m.time} placeholder="HH:MM" onChange={(_, d) => setM({ ...m, time: d.value })} />
            </Field>
            <Field label="Place">
              <Input value={m.place} onChange={(_, d) => setM({ ...m, place: d.value })} />
            </Field>
            <Field label="Who attends">
              <Input value={m.attendees} onChange={(_, d) => setM({ ...m, attendees: d.value })} />
            </Field>
            <Checkbox label="Held" checked={m.held} onChange={(_, d) => setM({ ...m, held: !!d.checked })} />
          </div>
          <Field label="Notes">
            <Textarea value={m.notes} onChange={(_, d) => setM({ ...m, notes: d.value })} />
          </Field>
          <div className="row" style={{ marginTop: 8 }}>
            <Button
              onClick={() =>
                meeting.mutate({
                  pupilId,
                  kind: m.kind,
                  date: m.date,
                  time: m.time || null,
                  place: m.place || null,
                  attendees: m.attendees || null,
                  held: m.held,
                  notes: m.notes || null,
                })
              }
            >
              Record the meeting
            </Button>
          </div>
          <ErrorBar error={meeting.error} />
        </>
      )}
      <Text as="h3" weight="semibold" size={400} style={{ display: 'block', marginTop: 16 }}>
        Contacts who must not receive letters
      </Text>
      {restrictions.length > 0 && (
        <ul aria-label="Restricted contacts">
          {restrictions.map((r) => (
            <li key={r.id}>
              {r.contactName}: {r.reason} ({r.recordedBy}){' '}
              <Link as="button" onClick={() => lift.mutate({ id: r.id })}>
                Lift
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <Field label="Contact's name">
          <Input value={rName} onChange={(_, d) => setRName(d.value)} />
        </Field>
        <Field label="Why">
          <Input value={rWhy} onChange={(_, d) => setRWhy(d.value)} />
        </Field>
        <Button
          disabled={!rName.trim() || rWhy.trim().length < 3}
          onClick={() => {
            restrict.mutate({ pupilId, contactName: rName, reason: rWhy });
            setRName('');
            setRWhy('');
          }}
        >
          Record the restriction
        </Button>
      </div>
      <ErrorBar error={restrict.error ?? lift.error} />
    </section>
  );
}
