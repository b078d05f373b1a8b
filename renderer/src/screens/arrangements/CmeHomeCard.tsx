// Home tells the office about children-missing-education cases the app opened by itself
// (docs/rules/arrangements.md, "Children missing education") that still need their reasonable enquiries.
import { Card, CardHeader, Link, Text } from '@fluentui/react-components';
import { CME_AUTO_BY, cmeNeedsEnquiries } from '../../../../shared/arrangements';
import { formatUkDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/names';
import { useRpc } from '../../hooks';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';

export function CmeHomeCard() {
  const me = useMe();
  const allowed = mayCall(me, 'arrangements.cmeList');
  const list = useRpc('arrangements.cmeList', {}, { enabled: allowed });
  const due = (list.data?.cases ?? []).filter((c) => c.openedBy === CME_AUTO_BY && cmeNeedsEnquiries(c));
  if (!allowed || due.length === 0) {
    return null;
  }
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Children missing education: cases opened by the app</Text>}
      />
      <Text>
        {plural(due.length, 'case')} {due.length === 1 ? 'needs its' : 'need their'} reasonable enquiries
        recorded.
      </Text>
      <ul className="plain-list" aria-label="CME cases opened automatically">
        {due.map((c) => (
          <li key={c.id}>
            {c.pupilName}, opened on {formatUkDate(c.openedOn)}
          </li>
        ))}
      </ul>
      <Link href="#/arrangements/cme">Record the enquiries</Link>
    </Card>
  );
}
