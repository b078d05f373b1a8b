// Find a pupil by name or UPN and add them to a leave request.
import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { useRpc } from '../../hooks';
import { pupilName } from '../../../../shared/names';

export function PupilSearch({ onPick, exclude }: { onPick: (id: number) => void; exclude: number[] }) {
  const [search, setSearch] = useState('');
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  const rows = (q.data?.pupils ?? []).filter((p) => !exclude.includes(p.id)).slice(0, 8);
  return (
    <div>
      <Field label="Find a pupil (name or UPN)" style={{ maxWidth: '30em' }}>
        <Input value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      {search.trim().length >= 2 && (
        <ul aria-label="Matching pupils" className="plain-list">
          {rows.map((p) => (
            <li key={p.id}>
              <Button
                size="small"
                onClick={() => {
                  onPick(p.id);
                  setSearch('');
                }}
              >
                Add {pupilName(p)} ({p.regGroup})
              </Button>
            </li>
          ))}
          {q.data && rows.length === 0 && <li>No pupil matches.</li>}
        </ul>
      )}
    </div>
  );
}
