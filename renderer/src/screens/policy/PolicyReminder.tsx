// Home's reminder when the attendance policy is due for review or not yet approved (docs/rules/policy.md).
import { Card, CardHeader, Link, Text } from '@fluentui/react-components';
import { useRpc } from '../../hooks';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { formatUkDate } from '../../../../shared/dates';

export function PolicyReminder() {
  const me = useMe();
  const q = useRpc('policy.status', {});
  const s = q.data;
  if (!s?.reviewDue) {
    return null;
  }
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Attendance policy review due</Text>} />
      <Text>
        {s.nextReviewOn
          ? `Version ${s.version} was due for review by ${formatUkDate(s.nextReviewOn)}.`
          : 'No version of the attendance policy has been approved yet.'}
      </Text>
      {mayCall(me, 'policy.saveDraft') ? (
        <Link href="#/policy">Open the attendance policy</Link>
      ) : (
        <Text>The attendance lead drafts the new version; the headteacher approves it.</Text>
      )}
    </Card>
  );
}
