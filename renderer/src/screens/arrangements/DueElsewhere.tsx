// The rest of the lead's due list on the arrangements page (docs/rules/arrangements.md): CME cases the core proposes
// (10 school days of unauthorised absence, or not back after leave), open cases still needing their reasonable
// enquiries (the app opens them by itself: main/core/arrangements/cme-auto.ts) and, for the lead and the head, the sickness
// returns and health and SEND reviews due.
import { Badge } from '@fluentui/react-components';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { cmeNeedsEnquiries } from '../../../../shared/arrangements';
import { formatUkDate } from '../../../../shared/dates';

export function DueElsewhere() {
  const me = useMe();
  const cme = useRpc('arrangements.cmeProposals', {});
  const cases = useRpc('arrangements.cmeList', {});
  const health = useRpc('arrangements.healthDue', {}, { enabled: mayCall(me, 'arrangements.healthDue') });
  return (
    <>
      <ErrorBar error={cme.error ?? cases.error ?? health.error} />
      <ul className="plain-list" aria-label="CME cases and health dates due">
        {cme.data?.proposals.map((p) => (
          <li key={`cme-${p.pupilId}`}>
            <Badge appearance="filled" color="danger">
              CME
            </Badge>{' '}
            <a href="#/arrangements/cme">
              Open a children-missing-education case for {p.pupilName}: {p.detail}
            </a>
          </li>
        ))}
        {cases.data?.cases.filter(cmeNeedsEnquiries).map((c) => (
          <li key={`cme-case-${c.id}`}>
            <Badge appearance="filled" color="danger">
              CME
            </Badge>{' '}
            <a href="#/arrangements/cme">
              Record the reasonable enquiries for {c.pupilName}: case opened on {formatUkDate(c.openedOn)} by{' '}
              {c.openedBy}. Still to record: {c.missing.join('; ')}.
            </a>
          </li>
        ))}
        {health.data?.items.map((d, k) => (
          <li key={`h-${k}`}>
            {d.overdue && (
              <Badge appearance="filled" color="danger">
                overdue
              </Badge>
            )}{' '}
            <a href={`#/pupils/${d.pupilId}`}>{d.message}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
