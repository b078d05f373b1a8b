// One pupil on the calling list: why they are high on it, their social worker (told today, or not yet), their
// contacts, the attempts made so far, and the office's actions.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { formatTimeOfDay } from '../../auth/when';
import { LogAttempt, ResolveN } from './CallingActions';

export type Row = Output<'followup.list'>['pupils'][number];

function SocialWorker({ p, date }: { p: Row; date: string }) {
  const sw = useRpcMutation('followup.informSocialWorker', ['followup.list']);
  const told = p.socialWorkerInformed;
  return (
    <>
      <MessageBar intent={told ? 'success' : 'warning'}>
        <MessageBarBody>
          {told
            ? `Social worker told (${told.how}) by ${told.by}.`
            : 'This pupil has a social worker: their unexplained absence must be passed on today.'}
          {!told && (
            <Button
              size="small"
              style={{ marginLeft: 8 }}
              onClick={() => sw.mutate({ pupilId: p.pupilId, date, how: 'Phoned the social worker' })}
            >
              Record social worker told
            </Button>
          )}
        </MessageBarBody>
      </MessageBar>
      <ErrorBar error={sw.error} />
    </>
  );
}

function ContactsAndAttempts({ p }: { p: Row }) {
  return (
    <>
      <ul aria-label="Contacts">
        {p.contacts.map((c, i) => (
          <li key={i}>
            {c.name}
            {c.relationship ? ` (${c.relationship})` : ''}: {c.phone ?? 'no phone'}
            {c.livesWith ? ' · lives with pupil' : ''}
            {c.parentalResponsibility ? ' · PR' : ''}
          </li>
        ))}
      </ul>
      {p.attempts.length > 0 && (
        <ol aria-label="Attempts">
          {p.attempts.map((a, i) => (
            <li key={i}>
              {formatTimeOfDay(a.at)} {a.method.replace('_', ' ')}
              {a.contactName ? ` to ${a.contactName}` : ''}: {a.outcome} ({a.by})
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function PupilCard({ p, date }: { p: Row; date: string }) {
  return (
    <section className="card" aria-label={`${p.name}, ${p.regGroup}`}>
      <Text weight="semibold" size={500}>
        {p.name}
      </Text>{' '}
      <Text className="muted">
        {p.regGroup} · N for {p.sessions.join(' and ')}
      </Text>
      {p.riskReasons.length > 0 && (
        <Text block className="calling-risk">
          High on the list: {p.riskReasons.join('; ')}
        </Text>
      )}
      {p.socialWorker && <SocialWorker p={p} date={date} />}
      <ContactsAndAttempts p={p} />
      <LogAttempt p={p} date={date} />
      <ResolveN p={p} date={date} />
    </section>
  );
}
