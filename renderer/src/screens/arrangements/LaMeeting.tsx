// The local authority's termly targeting meeting (docs/rules/arrangements.md, "The LA meeting"): make the pack
// (Word and CSV, with names, for the LA officer), record the meeting with the pupils discussed and the actions
// agreed (each becomes a casework action on the pupil), and see earlier meetings with their actions' status.
import { useState } from 'react';
import { Button, Field, Input, Select, Text, Textarea, Title2 } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { formatUkDate } from '../../../../shared/dates';
import { pupilName } from '../../../../shared/names';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { downloadBase64, downloadText } from '../../download';
import { pollJob } from '../../letters/util';
import { useUnsavedGuard } from './useUnsavedGuard';

type Owner = 'pupil' | 'parent' | 'school' | 'agency';
interface Row {
  pupilId: number;
  name: string;
  what: string;
  ownerKind: Owner;
  ownerName: string;
  dueOn: string;
}

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

function Finder({ onPick }: { onPick: (id: number, name: string) => void }) {
  const [search, setSearch] = useState('');
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  return (
    <div>
      <Field label="Add a pupil discussed (name or UPN)">
        <Input value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      {search.trim().length >= 2 && (
        <ul className="plain-list" aria-label="Matching pupils">
          {(q.data?.pupils ?? []).slice(0, 6).map((p) => (
            <li key={p.id}>
              <Button
                size="small"
                onClick={() => {
                  onPick(p.id, pupilName(p));
                  setSearch('');
                }}
              >
                Add {pupilName(p)} ({p.regGroup})
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Record({ today }: { today: string }) {
  const qc = useQueryClient();
  const [heldOn, setHeldOn] = useState(today);
  const [officer, setOfficer] = useState('');
  const [notes, setNotes] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const release = useUnsavedGuard(rows.length > 0 || officer !== '');
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setError(null);
    try {
      const r = await call('arrangements.laMeetingSave', {
        heldOn,
        officer,
        notes: notes || null,
        pupils: rows.map((x) => ({ pupilId: x.pupilId })),
        actions: rows
          .filter((x) => x.what.trim())
          .map((x) => ({
            pupilId: x.pupilId,
            what: x.what,
            ownerKind: x.ownerKind,
            ownerName: x.ownerName || null,
            dueOn: x.dueOn,
          })),
      });
      release();
      setRows([]);
      setOfficer('');
      setNotes('');
      setDone(`Meeting recorded with ${r.actions} actions, now in each pupil's casework.`);
      await qc.invalidateQueries();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="h-record">
      <Text as="h2" id="h-record" weight="semibold" size={500}>
        After the meeting: the record
      </Text>
      <div className="row">
        <Field label="Held on">
          <DateInput value={heldOn} onChange={(_, d) => d.value && setHeldOn(d.value)} />
        </Field>
        <Field label="LA officer" required>
          <Input value={officer} onChange={(_, d) => setOfficer(d.value)} />
        </Field>
      </div>
      <Field label="Notes">
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
      </Field>
      <Finder
        onPick={(pupilId, name) =>
          setRows((rs) =>
            rs.some((r) => r.pupilId === pupilId)
              ? rs
              : [...rs, { pupilId, name, what: '', ownerKind: 'school', ownerName: '', dueOn: today }],
          )
        }
      />
      {rows.map((r, i) => (
        <div className="row" key={r.pupilId} role="group" aria-label={`Action for ${r.name}`}>
          <Text weight="semibold">{r.name}</Text>
          <Field label="Action agreed">
            <Input value={r.what} onChange={(_, d) => set(i, { what: d.value })} />
          </Field>
          <Field label="Owner">
            <Select value={r.ownerKind} onChange={(_, d) => set(i, { ownerKind: d.value as Owner })}>
              {(['school', 'agency', 'parent', 'pupil'] as const).map((o) => (
                <option key={o}>{o}</option>
              ))}
            </Select>
          </Field>
          <Field label="Who">
            <Input value={r.ownerName} onChange={(_, d) => set(i, { ownerName: d.value })} />
          </Field>
          <Field label="Due">
            <DateInput value={r.dueOn} onChange={(_, d) => d.value && set(i, { dueOn: d.value })} />
          </Field>
        </div>
      ))}
      <ErrorBar error={error} title="Not saved" />
      {done && <Text role="status">{done}</Text>}
      <div className="row">
        <Button appearance="primary" onClick={() => void save()}>
          Save the meeting record
        </Button>
      </div>
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
