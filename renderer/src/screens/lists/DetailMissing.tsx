// Marks whose code needs a detail that is missing: how many, and the first hundred, each pupil linking to their
// page.
import { Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';

interface Props {
  data: Output<'followup.detailMissing'> | undefined;
  error: unknown;
}

export function DetailMissing({ data, error }: Props) {
  return (
    <section className="card" aria-labelledby="h-miss">
      <Text as="h2" id="h-miss" weight="semibold" size={500}>
        Detail missing ({data?.marks.length ?? '…'})
      </Text>
      <Text>
        These codes need a detail (the provider, the circumstance, the observance); add it from the pupil's
        page or the register.
      </Text>
      <ErrorBar error={error} />
      <table className="plain" aria-label="Marks with detail missing">
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Group</th>
            <th>Session</th>
            <th>Code</th>
          </tr>
        </thead>
        <tbody>
          {data?.marks.slice(0, 100).map((m, i) => (
            <tr key={i}>
              <td>
                <a href={`#/pupils/${m.pupilId}`}>{m.name}</a>
              </td>
              <td>{m.regGroup}</td>
              <td>
                {formatUkDate(m.date)} {m.session}
              </td>
              <td>{m.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
