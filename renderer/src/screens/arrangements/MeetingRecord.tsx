// After the LA meeting: the record, with the pupils discussed (found by name or UPN) and the action agreed for
// each, its owner and due date.
import { useState } from 'react';
import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { pupilName } from '../../../../shared/names';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useMeetingRecord, type ActionDraft, type Owner } from './useMeetingRecord';

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

function ActionRow({ r, onChange }: { r: ActionDraft; onChange: (patch: Partial<ActionDraft>) => void }) {
  return (
    <div className="row" role="group" aria-label={`Action for ${r.name}`}>
      <Text weight="semibold">{r.name}</Text>
      <Field label="Action agreed">
        <Input value={r.what} onChange={(_, d) => onChange({ what: d.value })} />
      </Field>
      <Field label="Owner">
        <Select value={r.ownerKind} onChange={(_, d) => onChange({ ownerKind: d.value as Owner })}>
          {(['school', 'agency', 'parent', 'pupil'] as const).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </Select>
      </Field>
      <Field label="Who">
        <Input value={r.ownerName} onChange={(_, d) => onChange({ ownerName: d.value })} />
      </Field>
      <Field label="Due">
        <DateInput value={r.dueOn} onChange={(_, d) => d.value && onChange({ dueOn: d.value })} />
      </Field>
    </div>
  );
}

export function Record({ today }: { today: string }) {
  const m = useMeetingRecord(today);
  return (
    <section className="card" aria-labelledby="h-record">
      <Text as="h2" id="h-record" weight="semibold" size={500}>
        After the meeting: the record
      </Text>
      <div className="row">
        <Field label="Held on">
          <DateInput value={m.heldOn} onChange={(_, d) => d.value && m.setHeldOn(d.value)} />
        </Field>
        <Field label="LA officer" required>
          <Input value={m.officer} onChange={(_, d) => m.setOfficer(d.value)} />
        </Field>
      </div>
      <Field label="Notes">
        <Textarea value={m.notes} onChange={(_, d) => m.setNotes(d.value)} resize="vertical" />
      </Field>
      <Finder onPick={m.add} />
      {m.rows.map((r, i) => (
        <ActionRow key={r.pupilId} r={r} onChange={(patch) => m.set(i, patch)} />
      ))}
      <ErrorBar error={m.error} title="Not saved" />
      {m.done && <Text role="status">{m.done}</Text>}
      <div className="row">
        <Button appearance="primary" onClick={() => void m.save()}>
          Save the meeting record
        </Button>
      </div>
    </section>
  );
}
