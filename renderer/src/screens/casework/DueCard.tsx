// The lead's home: how much casework is due (docs/rules/casework.md), with a link to the list.
import { Card, CardHeader, Link, Text } from '@fluentui/react-components';
import { useRpc } from '../../hooks';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';

const KINDS: [string, string][] = [
  ['plan_review', 'plan reviews'],
  ['checkin', 'check-ins'],
  ['action', 'actions'],
  ['joint_missing', 'severe pupils without an LA joint approach'],
  ['no_support', 'persistent pupils with no support step'],
  ['audit_action', 'self-audit actions'],
];

function Counts() {
  const q = useRpc('casework.due', {});
  const c = q.data?.counts ?? {};
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Casework due</Text>} />
      <Text size={700}>{q.data ? q.data.items.length : '…'}</Text>
      <ul aria-label="Casework due by kind">
        {KINDS.map(([k, label]) => (
          <li key={k}>
            {c[k] ?? 0} {label}
          </li>
        ))}
      </ul>
      <Link href="#/casework">Open the list</Link>
    </Card>
  );
}

export function CaseworkDueCard() {
  const me = useMe();
  return mayCall(me, 'casework.due') ? <Counts /> : null;
}
