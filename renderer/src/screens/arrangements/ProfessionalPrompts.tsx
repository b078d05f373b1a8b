// The same-day prompt (docs/rules/arrangements.md, "Health and SEND"): pupils with an unexplained absence today who
// have a social worker, a youth offending worker or a virtual school, each professional to tell, and the record that
// they were told (the notification log).
import { useState } from 'react';
import { Button, Input, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { PROFESSIONAL_LABELS } from '../../../../shared/channels/arrangements-health';
import type { Output } from '../../../../shared/contract';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

type Tell = Output<'arrangements.prompts'>['pupils'][number]['tell'][number];

function TellRow({ pupilId, pupil, t, date }: { pupilId: number; pupil: string; t: Tell; date: string }) {
  const m = useRpcMutation('arrangements.professionalNotice', [
    'arrangements.prompts',
    'arrangements.health',
  ]);
  const [how, setHow] = useState('');
  const contact = [t.phone, t.email].filter(Boolean).join(', ');
  return (
    <li>
      {PROFESSIONAL_LABELS[t.kind]}: {t.name}
      {contact ? ` (${contact})` : ''}:{' '}
      {t.told ? (
        <Text>
          told ({t.told.how}, {t.told.by})
        </Text>
      ) : (
        <span className="row" style={{ display: 'inline-flex' }}>
          <Input
            size="small"
            aria-label={`How the ${PROFESSIONAL_LABELS[t.kind].toLowerCase()} of ${pupil} was told`}
            placeholder="How (phone, email…)"
            value={how}
            onChange={(_, d) => setHow(d.value)}
          />
          <Button
            size="small"
            disabled={!how.trim() || m.isPending}
            onClick={() => m.mutate({ pupilId, kind: t.kind, date, how })}
          >
            Record as told
          </Button>
        </span>
      )}
      <ErrorBar error={m.error} />
    </li>
  );
}

export function ProfessionalPrompts({ date }: { date: string }) {
  const q = useRpc('arrangements.prompts', { date });
  const pupils = q.data?.pupils ?? [];
  if (q.error) {
    return <ErrorBar error={q.error} />;
  }
  if (!pupils.length) {
    return null;
  }
  const waiting = pupils.filter((p) => p.tell.some((t) => !t.told)).length;
  return (
    <MessageBar intent={waiting ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Tell their professionals today</MessageBarTitle>
        These pupils have an unexplained absence and a social worker, youth offending worker or virtual
        school.
        <ul aria-label="Professionals to tell today">
          {pupils.map((p) => (
            <li key={p.pupilId}>
              <a href={`#/pupils/${p.pupilId}`}>{p.pupilName}</a> (N for {p.sessions.join(' and ')})
              <ul>
                {p.tell.map((t) => (
                  <TellRow key={t.kind} pupilId={p.pupilId} pupil={p.pupilName} t={t} date={date} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
