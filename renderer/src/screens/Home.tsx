// Home: today at a glance (the figures' cards, today's registers not yet taken), with the day's first tasks.
import { Card, CardHeader, Link, Text } from '@fluentui/react-components';
import type { Output } from '../../../shared/contract';
import { plural } from '../../../shared/names';
import { useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { DayHeading } from '../components/DayHeading';
import { CaseworkDueCard } from './casework/DueCard';
import { PolicyReminder } from './policy/PolicyReminder';
import { CmeHomeCard } from './arrangements/CmeHomeCard';
import { registerHref } from '../../../shared/routes';

export function Home({ today }: { today: string }) {
  const pupils = useRpc('pupils.list', { onDate: today });
  const notTaken = useRpc('registers.notTaken', { date: today });
  const outstanding = useRpc('registers.outstanding', { asOf: today });
  const earlier = outstanding.data
    ? outstanding.data.total - (outstanding.data.days.find((d) => d.date === today)?.missing.length ?? 0)
    : 0;
  const calling = useRpc('followup.list', { date: today });
  const overdue = useRpc('followup.overdueN', { asOf: today });
  return (
    <div className="page">
      <DayHeading today={today} />
      <ErrorBar error={pupils.error ?? notTaken.error ?? calling.error} />
      <div className="grid2">
        <CaseworkDueCard />
        <PolicyReminder />
        <CmeHomeCard />
        <Card>
          <CardHeader header={<Text weight="semibold">Pupils on roll</Text>} />
          <Text size={700}>{pupils.data?.pupils.length ?? '…'}</Text>
          <Link href="#/pupils">Find a pupil</Link>
        </Card>
        <NotTakenCard notTaken={notTaken.data} earlier={earlier} />
        <Card>
          <CardHeader header={<Text weight="semibold">Unexplained absences today (N)</Text>} />
          <Text size={700}>{calling.data?.pupils.length ?? '…'}</Text>
          <Link href="#/followup">Open the calling list</Link>
        </Card>
        <Card>
          <CardHeader header={<Text weight="semibold">N marks overdue (5 school days)</Text>} />
          <Text size={700}>{overdue.data?.marks.length ?? '…'}</Text>
        </Card>
      </div>
      <HomeTasks />
    </div>
  );
}

/** Today's registers not yet taken, each a link to its register, and the way to earlier days' missing ones. */
function NotTakenCard({
  notTaken,
  earlier,
}: {
  notTaken: Output<'registers.notTaken'> | undefined;
  earlier: number;
}) {
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Registers not yet taken today</Text>} />
      {notTaken && !notTaken.isSchoolDay ? (
        <Text>Not a school day.</Text>
      ) : (
        <Text size={700}>{notTaken?.missing.length ?? '…'}</Text>
      )}
      {/* every one of them: the count and the list always agree */}
      <ul className="register-links" aria-label="Registers not yet taken">
        {notTaken?.missing.map((m) => (
          <li key={m.session + m.regGroup}>
            <Link href={registerHref(m.regGroup, m.session)}>
              {m.regGroup} {m.session}
            </Link>
          </li>
        ))}
      </ul>
      <Link href="#/not-taken">
        {earlier > 0
          ? `${plural(earlier, 'more register')} not taken on earlier school days`
          : 'Registers not taken on earlier school days'}
      </Link>
    </Card>
  );
}

/** The day's first tasks, as links. */
function HomeTasks() {
  return (
    <nav aria-label="Tasks" className="card">
      <Text as="h2" weight="semibold" size={500}>
        Tasks
      </Text>
      <ul className="tasks">
        <li>
          <Link href="#/register">Take the morning or afternoon register</Link>
        </li>
        <li>
          <Link href="#/followup">Ring families about today's N marks</Link>
        </li>
        <li>
          <Link href="#/pupils">Find a pupil</Link>
        </li>
        <li>
          <Link href="#/import">Bring in pupils from the MIS (CSV)</Link>
        </li>
        <li>
          <Link href="#/calendar">Term dates, closures and bank holidays</Link>
        </li>
        <li>
          <Link href="#/settings">School details and register times</Link>
        </li>
      </ul>
    </nav>
  );
}
