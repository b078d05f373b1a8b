// State and calls for producing a governor report: the period, its figures and key messages (the suggested ones
// until edited), and the produce job followed until its document downloads.
import { useEffect, useState } from 'react';
import { academicYearOf } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { downloadBase64 } from '../../download';

export function useProduceReport(today: string) {
  const [from, setFrom] = useState(`${academicYearOf(today)}-09-01`);
  const [to, setTo] = useState(today);
  const [text, setText] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const q = useRpc('governors.preview', { from, to }, { enabled: from <= to });
  const produce = useRpcMutation('governors.produce', ['governors.reports']);
  const job = useRpc('governors.job', { jobId: jobId ?? '' }, { enabled: !!jobId, refetchInterval: 300 });
  useEffect(() => setText(null), [from, to]);
  useEffect(() => {
    const j = job.data;
    if (j?.status === 'done' && j.base64 && j.fileName) {
      downloadBase64(j.base64, j.fileName);
    }
    if (j && j.status !== 'running') {
      setJobId(null);
    }
  }, [job.data]);
  const shownText = text ?? q.data?.keyMessages.join('\n') ?? '';
  const messages = shownText
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);
  const go = (final: boolean) =>
    produce.mutate({ from, to, keyMessages: messages, final }, { onSuccess: (r) => setJobId(r.jobId) });
  return { from, setFrom, to, setTo, shownText, setText, q, produce, job, jobId, messages, go };
}
