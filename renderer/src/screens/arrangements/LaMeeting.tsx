// The local authority's termly targeting meeting (docs/rules/arrangements.md, "The LA meeting"): make the pack
// (Word and CSV, with names, for the LA officer), record the meeting with the pupils discussed and the actions
// agreed (each becomes a casework action on the pupil), and see earlier meetings with their actions' status.
import { useState } from 'react';
import { Button, Text, Title2 } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadBase64, downloadText } from '../../download';
import { pollJob } from '../../letters/util';
import { Record } from './MeetingRecord';

function Pack() {
  const [state, setState] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const make = async () => {
    setError(null);
    setState('Making the pack…');
    try {
      const r = await call('arrangements.laPack', {});
      const job = await pollJob(r.jobId, () => undefined);
      if (job.status === 'failed') {
        throw new Error(job.error ?? 'The pack could not be made.');
      }
      const f = await call('arrangements.laPackFile', { jobId: r.jobId });
      downloadBase64(f.base64, f.fileName);
      downloadText(f.fileName.replace(/\.docx$/, '.csv'), r.csv);
      setState(`Pack made: ${r.pupils} pupils by band (${f.fileName} and the CSV).`);
    } catch (e) {
      setState(null);
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="h-pack">
      <Text as="h2" id="h-pack" weight="semibold" size={500}>
        Before the meeting: the pack
      </Text>
      <Text>
        Pupils severely and persistently absent and at risk, with their latest support step and open actions;
        the part-time timetables and flexi agreements in force; and the last meeting’s actions. It names
        pupils: it is for the LA officer, never for governors.
      </Text>
      <div className="row">
        <Button appearance="primary" onClick={() => void make()}>
          Make the meeting pack (Word and CSV)
        </Button>
      </div>
      {state && <Text role="status">{state}</Text>}
      <ErrorBar error={error} />
    </section>
  );
}

export function LaMeeting({ today }: { today: string }) {
  const list = useRpc('arrangements.laMeetings', {});
  return (
    <div className="page">
      <p>
        <a href="#/arrangements">Part-time timetables and flexi-schooling</a>
      </p>
      <Title2 as="h1">Termly meeting with the local authority</Title2>
      <Pack />
      <Record today={today} />
      <section className="card" aria-labelledby="h-past">
        <Text as="h2" id="h-past" weight="semibold" size={500}>
          Earlier meetings
        </Text>
        <ErrorBar error={list.error} />
        {list.data?.meetings.length === 0 && <Text>No meeting recorded yet.</Text>}
        {list.data?.meetings.map((m) => (
          <div key={m.id}>
            <Text weight="semibold">
              {formatUkDate(m.heldOn)} with {m.officer}: {m.pupils.length} pupils discussed
            </Text>
            <ul className="plain-list">
              {m.actions.map((a) => (
                <li key={a.caseworkActionId}>
                  {a.pupilName}: {a.what}, due {formatUkDate(a.dueOn)} ({a.status.replace('_', ' ')})
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
