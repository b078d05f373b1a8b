// What the letters screen's last step shows after its buttons: the preview of the first letters, who was left out
// of the batch, the batch's progress and the files it saved.
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import type { JobState } from '../../letters/util';

/** The preview's progress, then its first letters, paragraph by paragraph. */
export function LetterPreview({
  preview,
  previewMeta,
}: {
  preview: JobState | null;
  previewMeta: Output<'letters.preview'> | null;
}) {
  return (
    <>
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
    </>
  );
}

/** The pupils the preview or the batch left out, and why. */
export function LeftOutOfBatch({ leftOut }: { leftOut: Output<'letters.generate'>['leftOut'] }) {
  if (leftOut.length === 0) {
    return null;
  }
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Left out of these letters</MessageBarTitle>
        <ul aria-label="Left out of these letters">
          {leftOut.map((x) => (
            <li key={x.pupilId}>
              {x.name}: {x.reason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The batch's progress bar and where it has got to (the last step is the file to print them all). */
export function BatchProgress({ job }: { job: JobState }) {
  return (
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
  );
}

/** The letters the batch saved, each with its pupil and reference, and the one file to print them all. */
export function SavedLetters({ result }: { result: NonNullable<JobState['result']> }) {
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        <MessageBarTitle>Saved</MessageBarTitle>
        To print them all at once, open <strong>{result.combinedFile}</strong> in {result.folder}.
        <ul aria-label="Letters saved">
          {result.letters.map((l) => (
            <li key={l.logId}>
              {l.fileName}: to {l.addressees.join('; ')} (<a href={`#/pupils/${l.pupilId}`}>{l.name}</a>, ref.{' '}
              {l.reference})
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
