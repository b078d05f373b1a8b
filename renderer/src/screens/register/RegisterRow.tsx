// One pupil's row of the register grid: name, mark, minutes late and note (each typed in place when asked for),
// and the last two weeks' marks.
import { Text } from '@fluentui/react-components';
import type { Editing, Reg, Value } from './marks';

type Pupil = Reg['pupils'][number];

interface RowProps {
  p: Pupil;
  v: Value | undefined;
  isActive: boolean;
  editing: Editing;
  rowRef: (el: HTMLTableRowElement | null) => void;
  onActivate: () => void;
  /** A detail typed and confirmed: store it, stop editing, move on. */
  commit: (v: Value) => void;
  cancel: () => void;
}

/** Minutes late, for L and U only: typed in place (Enter or Tab) when the mark was just given. */
function MinutesCell({ p, v, isActive, editing, commit, cancel }: RowProps) {
  return (
    <td>
      {(v?.code === 'L' || v?.code === 'U') &&
        (editing === 'minutes' && isActive ? (
          <input
            aria-label={`Minutes late for ${p.name}`}
            autoFocus
            inputMode="numeric"
            size={4}
            defaultValue={v.minutesLate ?? ''}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                const n = Number((e.target as HTMLInputElement).value || 0);
                commit({ ...v, minutesLate: n > 0 ? n : null });
              }
              if (e.key === 'Escape') {
                cancel();
              }
            }}
          />
        ) : (
          <span>{v.minutesLate ?? ''}</span>
        ))}
    </td>
  );
}

/** The detail a code needs, typed in place (Enter) when the code was just given. */
function NoteCell({ p, v, isActive, editing, commit, cancel }: RowProps) {
  return (
    <td>
      {editing === 'note' && isActive ? (
        <input
          aria-label={`Detail for ${p.name} (${v?.code})`}
          autoFocus
          size={30}
          defaultValue={v?.note ?? ''}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit({ ...v!, note: (e.target as HTMLInputElement).value || null });
            }
            if (e.key === 'Escape') {
              cancel();
            }
          }}
        />
      ) : (
        <span>{v?.note ?? ''}</span>
      )}
    </td>
  );
}

export function RegisterRow(props: RowProps) {
  const { p, v, isActive, rowRef, onActivate } = props;
  const isPlanned = !p.mark && p.planned && v?.code === p.planned.code;
  return (
    <tr
      ref={rowRef}
      className="register-row"
      tabIndex={isActive ? 0 : -1}
      aria-selected={isActive}
      onClick={onActivate}
    >
      <td>
        {p.name}
        {p.socialWorker && <Text className="muted"> · social worker</Text>}
        {p.arrangement && <Text className="muted"> · {p.arrangement}</Text>}
      </td>
      <td>
        <span
          className={`mark${p.mark?.amended ? ' amended' : ''}`}
          aria-label={v ? `mark ${v.code}` : 'no mark'}
        >
          {v?.code ?? '·'}
        </span>
        {isPlanned && <Text className="muted"> planned</Text>}
        {p.mark?.amended && <Text className="muted"> amended</Text>}
      </td>
      <MinutesCell {...props} />
      <NoteCell {...props} />
      <td className="strip">{p.strip.map((s) => `${s.am ?? '·'}${s.pm ?? '·'}`).join(' ')}</td>
    </tr>
  );
}
