// The comparison rows as a table: area, period, each published percentage and the source, with who changed the
// row and an Edit button for each.
import { Button } from '@fluentui/react-components';
import { published, type Ref } from './common';
import { FIELDS } from './reference-draft';

export function ReferenceTable({
  rows,
  edit,
  mayEdit,
}: {
  rows: Ref[];
  edit: (r: Ref) => void;
  mayEdit: boolean;
}) {
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label="Comparison figures, scrolls sideways"
    >
      <table className="plain" aria-label="Comparison figures">
        <thead>
          <tr>
            <th>Area</th>
            <th>Period and data</th>
            {FIELDS.map(([, l]) => (
              <th key={l} className="num">
                {l}
              </th>
            ))}
            <th>Source</th>
            {mayEdit && (
              <th>
                <span className="visually-hidden">Change</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <ReferenceRow key={r.key} r={r} edit={edit} mayEdit={mayEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One comparison row: where a row is the school's own or corrected, the period says so. */
function ReferenceRow({ r, edit, mayEdit }: { r: Ref; edit: (r: Ref) => void; mayEdit: boolean }) {
  return (
    <tr>
      <td>{r.area}</td>
      <td className="wide-cell">
        {r.period}
        {r.origin !== 'shipped' && (
          <span className="muted">
            {' '}
            ({r.origin === 'edited' ? 'edited by the school' : 'added by the school'})
          </span>
        )}
      </td>
      {FIELDS.map(([k]) => (
        <td key={k} className="num">
          {published(r[k])}
        </td>
      ))}
      <td className="wide-cell">{r.source}</td>
      {mayEdit && (
        <td>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`Edit ${r.area} ${r.period}`}
            onClick={() => edit(r)}
          >
            Edit
          </Button>
        </td>
      )}
    </tr>
  );
}
