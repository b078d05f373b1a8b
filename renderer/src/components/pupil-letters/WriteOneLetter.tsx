// Writing one letter for the pupil now, from a template whose fields the app fills itself, with the reason when a
// guardrail's warning would stop it; the letter downloads when its job ends.
import { useState } from 'react';
import { Button, Field, Input, Link, ProgressBar, Select, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../ErrorBar';
import { pollJob, type JobState } from '../../letters/util';
import { downloadBase64 } from '../../download';

/** A logged letter's file, downloaded. */
export async function downloadLetter(logId: number): Promise<void> {
  const f = await call('letters.file', { logId });
  downloadBase64(f.base64, f.fileName);
}

export function WriteOneLetter({
  pupilId,
  error,
  setError,
}: {
  pupilId: number;
  error: unknown;
  setError: (e: unknown) => void;
}) {
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
  return (
    <>
      <Text as="h3" weight="semibold" size={400} style={{ display: 'block', marginTop: 16 }}>
        Write one letter now
      </Text>
      <div className="row">
        <Field label="Letter">
          <Select value={template} onChange={(_, d) => setTemplate(d.value)}>
            {templates.data?.templates
              .filter((t) => t.extra.every((x) => x.computed))
              .map((t) => (
                <option key={t.name} value={t.name}>
                  {t.title}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Reason, if a warning stops it">
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <Button appearance="primary" onClick={() => void write()}>
          Write and download
        </Button>
      </div>
      <Text size={200} className="muted">
        Letters that need more details (meetings, timetables, leave):{' '}
        <Link href={`#/letters/pupil/${pupilId}`}>write them on the Letters screen</Link>.
      </Text>
      {job?.status === 'running' && (
        <ProgressBar aria-label="Writing the letter" value={job.total ? job.done / job.total : undefined} />
      )}
      <ErrorBar error={error} />
    </>
  );
}
