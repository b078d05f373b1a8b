// Every decision on the request, newest standing, each with its decision letter: the letters engine writes it
// from the school's own template and logs it on the pupil; the page follows its job, then downloads it.
import { useState } from 'react';
import { Button, ProgressBar, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { pluralS } from '../../../../../shared/names';
import { useRpcMutation } from '../../../hooks';
import { call } from '../../../rpc';
import { ErrorBar } from '../../../components/ErrorBar';
import { formatWhen } from '../../../auth/when';
import { pollJob } from '../../../letters/util';
import { downloadBase64 } from '../../../download';
import { STATUS_LABEL, type DecisionRow } from '../common';

function useDecisionLetter() {
  const letter = useRpcMutation('leave.decisionLetter', ['leave.get']);
  const qc = useQueryClient();
  return async (decisionId: number) => {
    const j = await letter.mutateAsync({ decisionId });
    const end = await pollJob(j.jobId, () => undefined);
    if (end.status === 'failed') {
      throw new Error(end.error ?? 'The letter could not be made.');
    }
    for (const l of end.result?.letters ?? []) {
      if (l.logId) {
        const f = await call('letters.file', { logId: l.logId });
        downloadBase64(f.base64, f.fileName);
      }
    }
    await qc.invalidateQueries({ queryKey: ['leave.get'] });
  };
}

function DecisionItem({ x, writing, onLetter }: { x: DecisionRow; writing: boolean; onLetter: () => void }) {
  return (
    <li style={{ marginBottom: 8 }}>
      <Text weight="semibold">{STATUS_LABEL[x.outcome]}</Text>
      {x.outcome !== 'refused'
        ? `: ${x.daysGranted} day${pluralS(x.daysGranted)}, ${x.sessionsGranted} sessions as ${x.code ?? '–'}`
        : ''}{' '}
      by {x.deciderName}, {x.deciderPosition}, on {formatWhen(x.decidedAt)}
      {x.supersedes ? ` (revises decision ${x.supersedes})` : ''}
      {x.current ? '' : ' – superseded'}.
      <br />
      Reason: {x.reason}
      <br />
      {x.letters.length
        ? `Letter produced ${x.letters.map((l) => `${formatWhen(l.generatedAt).slice(0, 10)} by ${l.generatedBy}`).join('; ')}. `
        : ''}
      <Button size="small" onClick={onLetter} disabled={writing}>
        Decision letter (.docx)
      </Button>
    </li>
  );
}

export function DecisionHistory({ decisions }: { decisions: DecisionRow[] }) {
  const getLetter = useDecisionLetter();
  const [letterError, setLetterError] = useState<unknown>(null);
  const [writing, setWriting] = useState(false);
  const write = (decisionId: number) => {
    setLetterError(null);
    setWriting(true);
    void getLetter(decisionId)
      .catch(setLetterError)
      .finally(() => setWriting(false));
  };
  return (
    <section className="card" aria-labelledby="h-decisions">
      <Text as="h2" id="h-decisions" weight="semibold" size={500}>
        Decisions
      </Text>
      {decisions.length === 0 && <Text>Not decided yet.</Text>}
      {decisions.length > 0 && (
        <ol aria-label="Decision history">
          {decisions.map((x) => (
            <DecisionItem key={x.id} x={x} writing={writing} onLetter={() => write(x.id)} />
          ))}
        </ol>
      )}
      {writing && <ProgressBar aria-label="Writing the decision letter" />}
      <ErrorBar error={letterError} title="The letter was not produced" />
    </section>
  );
}
