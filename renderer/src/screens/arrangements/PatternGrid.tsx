// The week's sessions as a grid of checkboxes: ticked = the pupil is not expected in school that session (missed
// on a part-time timetable, at home on a flexi agreement). Keyboard: Tab through, Space to tick.
import { Checkbox } from '@fluentui/react-components';
import { WEEKDAYS, WEEKDAY_LABELS } from '../../../../shared/arrangements';

export function PatternGrid({
  value,
  onChange,
  label,
  disabled,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  label: string;
  disabled?: boolean;
}) {
  const toggle = (k: string, on: boolean) =>
    onChange(on ? [...new Set([...value, k])].sort() : value.filter((x) => x !== k));
  return (
    <table className="plain pattern-grid" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Morning</th>
          <th scope="col">Afternoon</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((d) => (
          <tr key={d}>
            <th scope="row">{WEEKDAY_LABELS[d]}</th>
            {(['AM', 'PM'] as const).map((s) => (
              <td key={s}>
                <Checkbox
                  disabled={disabled}
                  checked={value.includes(`${d}${s}`)}
                  onChange={(_, data) => toggle(`${d}${s}`, !!data.checked)}
                  aria-label={`${WEEKDAY_LABELS[d]} ${s === 'AM' ? 'morning' : 'afternoon'}`}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
