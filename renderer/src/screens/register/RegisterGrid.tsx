// The register grid itself: one row a pupil, the keys on the table (keys.ts), the active row focused by the
// screen.
import type { RefObject } from 'react';
import { onRegisterKey } from './keys';
import type { Marking, Reg } from './marks';
import { RegisterRow } from './RegisterRow';

interface Props {
  reg: Reg;
  m: Marking;
  rows: RefObject<(HTMLTableRowElement | null)[]>;
}

export function RegisterGrid({ reg, m, rows }: Props) {
  return (
    <table
      className="plain"
      role="grid"
      aria-label={`Register ${reg.regGroup} ${reg.session}`}
      aria-describedby="code-hint"
      onKeyDown={(e) => onRegisterKey(e, { ...m, count: reg.pupils.length })}
    >
      <thead>
        <tr>
          <th>Pupil</th>
          <th>Mark</th>
          <th>Minutes late</th>
          <th>Note</th>
          <th>Last two weeks (AM PM)</th>
        </tr>
      </thead>
      <tbody>
        {reg.pupils.map((p, i) => (
          <RegisterRow
            key={p.pupilId}
            p={p}
            v={m.values.get(p.pupilId)}
            isActive={i === m.active}
            editing={m.editing}
            rowRef={(el) => {
              rows.current[i] = el;
            }}
            onActivate={() => {
              m.setActive(i);
              m.setEditing(null);
            }}
            commit={(v) => {
              m.setValue(i, v);
              m.setEditing(null);
              m.advance(i);
            }}
            cancel={() => m.setEditing(null)}
          />
        ))}
      </tbody>
    </table>
  );
}
