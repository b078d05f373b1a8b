// Find a pupil by name or UPN: a search box and, from two letters typed, up to eight matching pupils, each a
// button (`${action} Name (group)`) that picks it. Used by the leave request (Add, several pupils) and the
// arrangement form (Choose, one pupil).
import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { useRpc } from '../hooks';
import { pupilName } from '../../../shared/names';

interface Props {
  /** the search box's label */
  label: string;
  /** the verb on each pupil's button */
  action: string;
  onPick: (id: number) => void;
  /** pupils already picked, not offered again */
  exclude?: number[];
  /** empty the search box after a pick (when the search stays on screen for the next pupil) */
  clearOnPick?: boolean;
}

export function PupilSearch({ label, action, onPick, exclude = [], clearOnPick = false }: Props) {
  const [search, setSearch] = useState('');
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  const rows = (q.data?.pupils ?? []).filter((p) => !exclude.includes(p.id)).slice(0, 8);
  return (
    <div>
      <Field label={label} style={{ maxWidth: '30em' }}>
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
                  if (clearOnPick) {
                    setSearch('');
                  }
                }}
              >
                {action} {pupilName(p)} ({p.regGroup})
              </Button>
            </li>
          ))}
          {q.data && rows.length === 0 && <li>No pupil matches.</li>}
        </ul>
      )}
    </div>
  );
}
