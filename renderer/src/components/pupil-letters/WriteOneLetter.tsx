// Writing one letter for the pupil now, from a template whose fields the app fills itself, with the reason when a
// guardrail's warning would stop it; the letter downloads when its job ends (useWriteOneLetter.ts).
import { Button, Field, Input, Link, ProgressBar, Select, Text } from '@fluentui/react-components';
import { ErrorBar } from '../ErrorBar';
import { useWriteOneLetter } from './useWriteOneLetter';

export { downloadLetter } from './downloadLetter';

export function WriteOneLetter({
  pupilId,
  error,
  setError,
}: {
  pupilId: number;
  error: unknown;
  setError: (e: unknown) => void;
}) {
  const { templates, template, setTemplate, reason, setReason, job, write } = useWriteOneLetter(
    pupilId,
    setError,
  );
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
