// The lead's draft of the next version: what changed and the next review date (react-hook-form + the contract's
// zod schema), guarded against leaving with unsaved text; preview it as Word, or discard it. Its state and calls
// are in useDraftForm.ts.
import { Button, Field, Textarea } from '@fluentui/react-components';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useDraftForm, type Draft } from './useDraftForm';

function DraftFields({ control, errors }: { control: Control<Draft>; errors: FieldErrors<Draft> }) {
  return (
    <>
      <Field label="What changed in this version" required validationMessage={errors.changes?.message}>
        <Controller
          control={control}
          name="changes"
          render={({ field }) => (
            <Textarea
              name={field.name}
              value={field.value}
              rows={2}
              onBlur={field.onBlur}
              onChange={(_, d) => field.onChange(d.value)}
            />
          )}
        />
      </Field>
      <Field label="Next review by" required validationMessage={errors.nextReviewOn?.message}>
        <Controller
          control={control}
          name="nextReviewOn"
          render={({ field }) => (
            <DateInput
              value={field.value}
              onBlur={field.onBlur}
              onChange={(_, d) => field.onChange(d.value)}
            />
          )}
        />
      </Field>
    </>
  );
}

interface DraftButtonsProps {
  hasDraft: boolean;
  saving: boolean;
  previewDisabled: boolean;
  discarding: boolean;
  onPreview: () => void;
  onDiscard: () => void;
}

function DraftButtons({
  hasDraft,
  saving,
  previewDisabled,
  discarding,
  onPreview,
  onDiscard,
}: DraftButtonsProps) {
  return (
    <div className="row">
      <Button appearance="primary" type="submit" disabled={saving}>
        {hasDraft ? 'Save the draft' : 'Start a new version'}
      </Button>
      {hasDraft && (
        <>
          <Button disabled={previewDisabled} onClick={onPreview}>
            Preview the draft (.docx)
          </Button>
          <Button disabled={discarding} onClick={onDiscard}>
            Discard the draft
          </Button>
        </>
      )}
    </div>
  );
}

export function DraftForm({ draft, canMerge }: { draft: Draft | null; canMerge: boolean }) {
  const d = useDraftForm(draft);
  return (
    <form
      aria-label="Draft of the policy"
      className="card"
      style={{ display: 'grid', gap: 8 }}
      onSubmit={d.onSubmit}
    >
      <DraftFields control={d.control} errors={d.errors} />
      <ErrorBar error={d.save.error ?? d.discard.error ?? d.previewError} />
      <DraftButtons
        hasDraft={!!draft}
        saving={d.save.isPending}
        previewDisabled={!canMerge || d.busy || d.isDirty}
        discarding={d.discard.isPending}
        onPreview={() => void d.preview()}
        onDiscard={d.discardDraft}
      />
    </form>
  );
}
