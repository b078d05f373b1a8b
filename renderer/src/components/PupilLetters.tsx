// The pupil page's letters: the ladder stage and next step, every letter logged (template, stage, date, who,
// addressees, figures, file hash), marking one as sent, writing one letter now, the meetings held, and contacts
// who must never receive letters. Each part is in pupil-letters/.
import { useState } from 'react';
import { Badge, Text } from '@fluentui/react-components';
import { plural } from '../../../shared/names';
import { useRpc } from '../hooks';
import { ErrorBar } from './ErrorBar';
import { STAGE_COLOURS } from '../letters/util';
import { useMe } from '../auth/AuthGate';
import { mayCall } from '../auth/access';
import { LetterLog } from './pupil-letters/LetterLog';
import { WriteOneLetter, downloadLetter } from './pupil-letters/WriteOneLetter';
import { FamilyMeetings } from './pupil-letters/FamilyMeetings';
import { Restrictions } from './pupil-letters/Restrictions';

export function PupilLetters({ pupilId, today }: { pupilId: number; today: string }) {
  const me = useMe();
  const q = useRpc('letters.log', { pupilId });
  const [error, setError] = useState<unknown>(null);
  if (!q.data) {
    return <ErrorBar error={q.error} />;
  }
  const { entries, ladder, meetings, restrictions } = q.data;
  const mayWrite = mayCall(me, 'letters.renderOne');
  const download = (logId: number) => void downloadLetter(logId).catch(setError);
  return (
    <section className="card" aria-labelledby="h-letters" id="letters">
      <Text as="h2" id="h-letters" weight="semibold" size={500}>
        Letters to parents
      </Text>
      <p>
        Stage:{' '}
        <Badge appearance="tint" color={STAGE_COLOURS[ladder.stage]}>
          {ladder.label}
        </Badge>{' '}
        · Next step: {ladder.nextStep}
        {ladder.meetingsHeld ? ` · ${plural(ladder.meetingsHeld, 'meeting')} held` : ''}
      </p>
      <LetterLog entries={entries} today={today} download={download} />
      {mayWrite && (
        <>
          <WriteOneLetter pupilId={pupilId} error={error} setError={setError} />
          <FamilyMeetings pupilId={pupilId} meetings={meetings} today={today} />
        </>
      )}
      <Restrictions pupilId={pupilId} restrictions={restrictions} />
    </section>
  );
}
