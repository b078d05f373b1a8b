// Home for people without pupil access: the governor (whole-school figures only, never a name) and the
// administrator (accounts, settings, backups). Staff get the usual Home.
import { useState } from 'react';
import {
  Button,
  Card,
  CardHeader,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
} from '@fluentui/react-components';
import { academicYearOf } from '../../../shared/dates';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { useMe } from '../auth/AuthGate';
import { mayCall } from '../auth/access';
import { DayHeading } from '../components/DayHeading';

export function GovernorHome({ today }: { today: string }) {
  const me = useMe();
  const year = academicYearOf(today);
  const school = useRpc('school.get', {});
  const cal = useRpc('calendar.get', { from: `${year}-09-01`, to: `${year + 1}-08-31` });
  const days = cal.data?.days.filter((d) => d.kind === 'school') ?? [];
  const sofar = days.filter((d) => d.date <= today).length;
  return (
    <div className="page">
      <DayHeading today={today} />
      <Text>
        Welcome, {me.displayName}. Governors see whole-school figures only: no pupil names or UPNs appear
        anywhere a governor account can reach.
      </Text>
      <ErrorBar error={school.error ?? cal.error} />
      <div className="grid2">
        <Card>
          <CardHeader header={<Text weight="semibold">School days this year so far</Text>} />
          <Text size={700}>{cal.data ? sofar : '…'}</Text>
          <Text className="muted">
            of {cal.data ? days.length : '…'} in {year}/{String((year + 1) % 100).padStart(2, '0')}
          </Text>
        </Card>
        <Card>
          <CardHeader header={<Text weight="semibold">Attendance figures</Text>} />
          <Link href="#/dashboard">Open the dashboard</Link>
        </Card>
      </div>
    </div>
  );
}

export function AdminHome({ today }: { today: string }) {
  const me = useMe();
  return (
    <div className="page">
      <DayHeading today={today} />
      <Text>
        Signed in as {me.displayName}, administrator. Accounts, sign-in settings, the audit log, school
        settings and backups are here; pupil records need another role.
      </Text>
      <AdminTasks />
      {mayCall(me, 'backups.copyTo') && <BackupCard />}
    </div>
  );
}

/** The administrator's tasks, as links. */
function AdminTasks() {
  return (
    <nav aria-label="Tasks" className="card">
      <Text as="h2" weight="semibold" size={500}>
        Tasks
      </Text>
      <ul className="tasks">
        <li>
          <Link href="#/users">Accounts and sign-in settings</Link>
        </li>
        <li>
          <Link href="#/audit">The audit log</Link>
        </li>
        <li>
          <Link href="#/settings">School details and register times</Link>
        </li>
        <li>
          <Link href="#/calendar">Term dates, closures and bank holidays</Link>
        </li>
      </ul>
    </nav>
  );
}

/** A backup now and a check of the database, with what each found. */
function BackupCard() {
  const backup = useRpcMutation('backups.copyTo');
  const verify = useRpcMutation('backups.verify');
  const [note, setNote] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="backups">
      <Text as="h2" id="backups" weight="semibold" size={500}>
        Backups
      </Text>
      <div className="row">
        <Button
          disabled={backup.isPending}
          onClick={async () => {
            setNote(null);
            const r = await backup.mutateAsync({});
            setNote(`Backed up to ${r.path} (${Math.round(r.bytes / 1024)} KB).`);
          }}
        >
          Back up now
        </Button>
        <Button
          disabled={verify.isPending}
          onClick={async () => {
            setNote(null);
            const r = await verify.mutateAsync({});
            setNote(
              r.ok
                ? 'The database passed its integrity and foreign-key checks.'
                : `Problems found: ${r.integrity.join('; ')}; ${r.foreignKeys} foreign-key problems.`,
            );
          }}
        >
          Check the database
        </Button>
      </div>
      <ErrorBar error={backup.error ?? verify.error} />
      {note && (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

export function Forbidden() {
  return (
    <div className="page">
      <Title2 as="h1">Not available to your role</Title2>
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>
          Your account’s role does not give access to this page. <Link href="#/">Go home</Link>.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
