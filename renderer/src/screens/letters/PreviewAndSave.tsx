// The last step of the letters screen: the folder, a preview of the first letters, then the batch with its
// progress bar, who was left out, and the files saved (one .docx per letter and one to print them all).
import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { ErrorBar } from '../../components/ErrorBar';
import type { JobState } from '../../letters/util';
import { BatchProblems } from '../../letters/BatchProblems';
import { pluralS } from '../../../../shared/names';
import type { Candidate } from './common';
import { BatchProgress, LeftOutOfBatch, LetterPreview, SavedLetters } from './BatchOutcome';

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

type SaveRowProps = Pick<
  Props,
  'folder' | 'setFolder' | 'busy' | 'chosenCount' | 'needsReason' | 'onPreview' | 'onGenerate'
>;

/** The folder (typed, or chosen in the desktop app) and the buttons to preview and to generate. */
function SaveRow({ folder, setFolder, busy, chosenCount, needsReason, onPreview, onGenerate }: SaveRowProps) {
  return (
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
  );
}

export function PreviewAndSave(props: Props) {
  const { step, needsReason, error, preview, previewMeta, batchLeftOut, job } = props;
  return (
    <section className="card" aria-labelledby="h-go">
      <Text as="h2" id="h-go" weight="semibold" size={500}>
        {step}. Preview and save
      </Text>
      <SaveRow
        folder={props.folder}
        setFolder={props.setFolder}
        busy={props.busy}
        chosenCount={props.chosenCount}
        needsReason={needsReason}
        onPreview={props.onPreview}
        onGenerate={props.onGenerate}
      />
      {needsReason.length > 0 && (
        <Text role="status">
          Give a reason for each pupil with a warning, or untick them:{' '}
          {needsReason.map((p) => p.name).join(', ')}.
        </Text>
      )}
      <ErrorBar error={error} />
      <LetterPreview preview={preview} previewMeta={previewMeta} />
      <LeftOutOfBatch leftOut={batchLeftOut} />
      {job && <BatchProgress job={job} />}
      {job && <BatchProblems job={job} />}
      {job?.result && <SavedLetters result={job.result} />}
    </section>
  );
}
