// The N marks left 5 school days or more without a reason (the first 200), each pupil a link to their page.
import { Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';

export function OverdueN({ marks }: { marks: Output<'followup.overdueN'>['marks'] }) {
  return (
    <section className="card" aria-labelledby="h-over">
      <Text as="h2" id="h-over" weight="semibold" size={500}>
        N overdue: 5 or more school days without a reason
      </Text>
      <table className="plain" aria-label="Overdue N marks">
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Group</th>
            <th>Session</th>
            <th>School days since</th>
          </tr>
        </thead>
        <tbody>
          {marks.slice(0, 200).map((m, i) => (
            <tr key={i}>
              <td>
                <a href={`#/pupils/${m.pupilId}`}>{m.name}</a>
              </td>
              <td>{m.regGroup}</td>
              <td>
                {formatUkDate(m.date)} {m.session}
              </td>
              <td>{m.schoolDaysSince}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
