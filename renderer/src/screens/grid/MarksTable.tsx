// The grid itself: a row per pupil, a column per school session, the cursor's cell and the selected block
// highlighted; amended marks are underlined.
import type { KeyboardEvent } from 'react';
import { formatUkDate } from '../../../../shared/dates';
import type { GridData } from './selection';

interface Props {
  data: GridData;
  cur: { r: number; c: number };
  inSel: (r: number, c: number) => boolean;
  moveTo: (to: { r: number; c: number }, stretch: boolean) => void;
  onKey: (e: KeyboardEvent) => void;
}

function background(isCursor: boolean, selected: boolean): string | undefined {
  if (isCursor) {
    return '#cfe4fa';
  }
  return selected ? '#e8f1fb' : undefined;
}

export function MarksTable({ data, cur, inSel, moveTo, onKey }: Props) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        className="plain"
        role="grid"
        aria-label="Marks by pupil and session"
        tabIndex={0}
        onKeyDown={onKey}
        aria-activedescendant={`cell-${cur.r}-${cur.c}`}
      >
        <thead>
          <tr>
            <th>Pupil</th>
            {data.sessions.map((s, i) => (
              <th key={i} scope="col" style={{ fontSize: 11 }}>
                {s.session === 'AM' ? formatUkDate(s.date).slice(0, 5) : ''} {s.session}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, r) => (
            <tr key={row.pupilId}>
              <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                {row.name} <span className="muted">{row.regGroup}</span>
              </th>
              {row.cells.map((cell, c) => (
                <td
                  key={c}
                  id={`cell-${r}-${c}`}
                  role="gridcell"
                  aria-selected={inSel(r, c)}
                  onClick={(e) => moveTo({ r, c }, e.shiftKey)}
                  style={{
                    background: background(r === cur.r && c === cur.c, inSel(r, c)),
                    textAlign: 'center',
                    padding: '4px 2px',
                  }}
                >
                  <span
                    className={`mark${cell.amended ? ' amended' : ''}`}
                    title={cell.amended ? 'amended' : undefined}
                  >
                    {cell.onRoll ? (cell.code ?? '·') : ''}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
