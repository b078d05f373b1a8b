// The terms and closures table of the first run: one row per range (kind, from, to, label, remove), its problem on
// a row of its own once the form was sent, and buttons to add a term or a closure.
import { Button, Input, Select } from '@fluentui/react-components';
import { DateInput } from '../../components/DateInput';
import { rangeProblem, type RangeRow } from './ranges';

export function RangeEditor({
  rows,
  onChange,
  showProblems = false,
}: {
  rows: RangeRow[];
  onChange: (rows: RangeRow[]) => void;
  showProblems?: boolean;
}) {
  const set = (i: number, patch: Partial<RangeRow>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div>
      <table className="plain" aria-label="Terms and closures">
        <thead>
          <tr>
            <th>Kind</th>
            <th>From</th>
            <th>To</th>
            <th>Label</th>
            <th>
              <span className="muted">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <RangeRowEditor
              key={i}
              row={r}
              n={i + 1}
              problem={showProblems ? rangeProblem(r) : null}
              onPatch={(patch) => set(i, patch)}
              onRemove={() => onChange(rows.filter((_, k) => k !== i))}
            />
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 8 }}>
        <Button onClick={() => onChange([...rows, { dateFrom: '', dateTo: '', kind: 'term', label: '' }])}>
          Add term
        </Button>
        <Button
          onClick={() =>
            onChange([...rows, { dateFrom: '', dateTo: '', kind: 'closure', label: 'INSET day' }])
          }
        >
          Add closure
        </Button>
      </div>
    </div>
  );
}

interface RangeRowProps {
  row: RangeRow;
  n: number;
  problem: string | null;
  onPatch: (patch: Partial<RangeRow>) => void;
  onRemove: () => void;
}

/** Range number n: its boxes, then its problem (if shown) on the row below. */
function RangeRowEditor(props: RangeRowProps) {
  return (
    <>
      <RangeInputs {...props} />
      {props.problem && (
        <tr>
          <td colSpan={5} className="row-problem">
            Range {props.n}: {props.problem}
          </td>
        </tr>
      )}
    </>
  );
}

/** A range's kind, first and last day, label, and its remove button. */
function RangeInputs({ row: r, n, problem, onPatch, onRemove }: RangeRowProps) {
  return (
    <tr>
      <td>
        <Select
          aria-label={`Kind of range ${n}`}
          value={r.kind}
          onChange={(_, d) => onPatch({ kind: d.value as RangeRow['kind'] })}
        >
          <option value="term">Term</option>
          <option value="closure">Closure (INSET, polling day)</option>
        </Select>
      </td>
      <td>
        <DateInput
          aria-invalid={!!problem && !r.dateFrom}
          aria-label={`From date of range ${n}`}
          value={r.dateFrom}
          onChange={(_, d) => onPatch({ dateFrom: d.value })}
        />
      </td>
      <td>
        <DateInput
          aria-invalid={!!problem && !!r.dateFrom}
          aria-label={`To date of range ${n}`}
          value={r.dateTo}
          onChange={(_, d) => onPatch({ dateTo: d.value })}
        />
      </td>
      <td>
        <Input
          aria-label={`Label of range ${n}`}
          value={r.label}
          onChange={(_, d) => onPatch({ label: d.value })}
        />
      </td>
      <td>
        <Button appearance="subtle" aria-label={`Remove range ${n}`} onClick={onRemove}>
          Remove
        </Button>
      </td>
    </tr>
  );
}
