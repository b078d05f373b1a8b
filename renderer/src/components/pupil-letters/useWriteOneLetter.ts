// Writing one letter for a pupil: the letter chosen, the reason when a warning would stop it, and the job that
// writes it, logs it and downloads it.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { pollJob, type JobState } from '../../letters/util';
import { downloadLetter } from './downloadLetter';

/** The choices and the job of one letter for `pupilId`; its error goes to `setError`. */
export function useWriteOneLetter(pupilId: number, setError: (e: unknown) => void) {
  const qc = useQueryClient();
  const templates = useRpc('letters.templates', {});
  const [template, setTemplate] = useState('attendance-concern');
  const [reason, setReason] = useState('');
  const [job, setJob] = useState<JobState | null>(null);
  const write = async () => {
    setError(null);
    setJob(null);
    try {
      const r = await call('letters.renderOne', {
        template,
        pupilIds: [pupilId],
        ...(reason.trim() ? { overrideReason: reason } : {}),
      });
      const end = await pollJob(r.jobId, setJob);
      if (end.status === 'failed') {
        setError(new Error(end.error ?? 'The letter failed.'));
      }
      await qc.invalidateQueries({ queryKey: ['letters.log'] });
      for (const l of end.result?.letters ?? []) {
        if (l.logId) {
          await downloadLetter(l.logId);
        }
      }
    } catch (e) {
      setError(e);
    }
  };
  return { templates, template, setTemplate, reason, setReason, job, write };
}
