// The counts of the band list: pupils in each band, and the movement into and out of persistent and severe absence
// since the chosen date.
import { Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';

export function Summary({ d }: { d: Output<'figures.bands'> }) {
  const c = d.counts;
  return (
    <section className="card" aria-labelledby="h-sum">
      <Text as="h2" id="h-sum" weight="semibold" size={500}>
        {d.rows.length} pupils, {formatUkDate(d.from)} to {formatUkDate(d.to)}
      </Text>
      <table className="plain" aria-label="Pupils in each band" style={{ maxWidth: 720 }}>
        <thead>
          <tr>
            <th>Severely absent</th>
            <th>Persistently absent (10–50%)</th>
            <th>Persistently absent, all</th>
            <th>At risk</th>
            <th>Expected</th>
            <th>No sessions</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-testid="count-severe">{c.severe}</td>
            <td>{c.persistent}</td>
            <td data-testid="count-pa">{c.severe + c.persistent}</td>
            <td>{c.at_risk}</td>
            <td>{c.expected}</td>
            <td>{c.none}</td>
          </tr>
        </tbody>
      </table>
      {d.since && (
        <Text block>
          Since {formatUkDate(d.since)}: {d.movement.enteredPersistent} into and {d.movement.leftPersistent}{' '}
          out of persistent absence; {d.movement.enteredSevere} into and {d.movement.leftSevere} out of severe
          absence.
        </Text>
      )}
    </section>
  );
}
