// The last step of the letters screen: the folder, a preview of the first letters, then the batch with its
// progress bar, who was left out, and the files saved (one .docx per letter and one to print them all).
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { ErrorBar } from '../../components/ErrorBar';
import type { JobState } from '../../letters/util';
import { BatchProblems } from '../../letters/BatchProblems';
import { pluralS } from '../../../../shared/names';
import type { Candidate } from './common';

interface Props {
  step: string;
  folder: string;
  setFolder: (f: string) => void;
  busy: boolean;
  chosenCount: number;
  needsReason: Candidate[];
  onPreview: () => void;
  onGenerate: () => void;
  error: unknown;
  preview: JobState | null;
  previewMeta: Output<'letters.preview'> | null;
  batchLeftOut: Output<'letters.generate'>['leftOut'];
  job: JobState | null;
}

export function PreviewAndSave(props: Props) {
  const { step, folder, setFolder, busy, chosenCount, needsReason, onPreview, onGenerate, error } = props;
  const { preview, previewMeta, batchLeftOut, job } = props;
  return (
    <section className="card" aria-labelledby="h-go">
      <Text as="h2" id="h-go" weight="semibold" size={500}>
        {step}. Preview and save
      </Text>
      <div className="row">
        <Field label="Save the letters in this folder" style={{ flex: 1, minWidth: 320 }}>
          <Input value={folder} onChange={(_, d) => setFolder(d.value)} />
        </Field>
        {window.attendance?.chooseFolder && (
          <Button
            onClick={() =>
              void window.attendance!.chooseFolder!(folder).then((f) => {
                if (f) {
                  setFolder(f);
                }
              })
            }
          >
            Choose folder…
          </Button>
        )}
        <Button disabled={busy || chosenCount === 0 || needsReason.length > 0} onClick={onPreview}>
          Preview the first letters
        </Button>
        <Button
          appearance="primary"
          disabled={busy || chosenCount === 0 || needsReason.length > 0 || !folder.trim()}
          onClick={onGenerate}
        >
          Generate {chosenCount} letter{pluralS(chosenCount)}
        </Button>
      </div>
      {needsReason.length > 0 && (
        <Text role="status">
          Give a reason for each pupil with a warning, or untick them:{' '}
          {needsReason.map((p) => p.name).join(', ')}.
        </Text>
      )}
      <ErrorBar error={error} />
      {preview && preview.status === 'running' && (
        <ProgressBar
          aria-label="Preparing the preview"
          value={preview.total ? preview.done / preview.total : undefined}
        />
      )}
      {preview?.result && (
        <div aria-label="Preview of the first letters" role="region">
          <Text>
            Showing {preview.result.letters.length} of {previewMeta?.letters ?? '?'} letters.
          </Text>
          {preview.result.letters.map((l, i) => (
            <article
              key={i}
              className="card letter-preview"
              aria-label={`Preview of the letter to ${l.addressees.join(', ')}`}
            >
              {l.paragraphs
                ?.filter((x) => x.trim())
                .map((x, k) => (
                  <p key={k} style={{ margin: '0 0 6px', whiteSpace: 'pre-wrap' }}>
                    {x}
                  </p>
                ))}
            </article>
          ))}
        </div>
      )}
      {batchLeftOut.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Left out of these letters</MessageBarTitle>
            <ul aria-label="Left out of these letters">
              {batchLeftOut.map((x) => (
                <li key={x.pupilId}>
                  {x.name}: {x.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {job && (
        <div role="region" aria-label="Batch progress">
          <ProgressBar aria-label="Generating letters" value={job.total ? job.done / job.total : 0} />
          <Text aria-live="polite">
            {job.status === 'running'
              ? `Generating… ${Math.min(job.done, job.total - 1)} of ${job.total - 1} letters`
              : job.status === 'done'
                ? `Done: ${job.result?.letters.length} letters saved in ${job.result?.folder}`
                : 'The batch failed.'}
          </Text>
        </div>
      )}
      {job && <BatchProblems job={job} />}
      {job?.result && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Saved</MessageBarTitle>
            To print them all at once, open <strong>{job.result.combinedFile}</strong> in {job.result.folder}.
            <ul aria-label="Letters saved">
              {job.result.letters.map((l) => (
                <li key={l.logId}>
                  {l.fileName}: to {l.addressees.join('; ')} (<a href={`#/pupils/${l.pupilId}`}>{l.name}</a>,
                  ref. {l.reference})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
