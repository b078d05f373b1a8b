// The pupil page's admission register and returns to the local authority: the new-pupil return when it is due,
// the returns sent or due, and recording the pupil's leaving.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { addDays, formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';
import { LeavingDialog } from './LeavingDialog';

type PupilGet = Output<'pupils.get'>;

/** `onSentToday` records the new-pupil return as sent today; `error` is that call's. */
export function Returns({
  id,
  today,
  onRoll,
  returns,
  newPupilReturnDue,
  onSentToday,
  error,
}: {
  id: number;
  today: string;
  onRoll: boolean;
  returns: PupilGet['returns'];
  newPupilReturnDue: PupilGet['newPupilReturnDue'];
  onSentToday: () => void;
  error: unknown;
}) {
  return (
    <section className="card" aria-labelledby="h-returns">
      <Text as="h2" id="h-returns" weight="semibold" size={500}>
        Admission register and returns to the local authority
      </Text>
      {newPupilReturnDue && (
        <MessageBar intent={newPupilReturnDue < today ? 'warning' : 'info'}>
          <MessageBarBody>
            New-pupil return due by {formatUkDate(newPupilReturnDue)} (the 5th day after the name was
            entered).
            <Button size="small" style={{ marginLeft: 8 }} onClick={onSentToday}>
              Record as sent today
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul aria-label="Returns">
        {returns.map((r) => (
          <li key={r.id}>
            {r.kind.replace('_', ' ')}:{' '}
            {r.sentAt
              ? `sent ${formatUkDate(r.sentAt)} by ${r.sentBy} (${r.method})`
              : `due ${formatUkDate(r.due ?? addDays(today, 0))}, not sent`}
          </li>
        ))}
      </ul>
      {onRoll && <LeavingDialog id={id} today={today} />}
      <ErrorBar error={error} />
    </section>
  );
}
