// The lead's draft of the next version: what changed and the next review date (react-hook-form + the contract's
// zod schema), guarded against leaving with unsaved text; preview it as Word, or discard it.
import { useState } from 'react';
import { Button, Field, Textarea } from '@fluentui/react-components';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { call } from '../../rpc';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { downloadBase64 } from '../../download';
import { useUnsavedGuard } from '../arrangements/useUnsavedGuard';
import { waitForLettersJob } from './jobs';

const DraftSchema = contract['policy.saveDraft'].input;
type Draft = z.infer<typeof DraftSchema>;

export function DraftForm({ draft, canMerge }: { draft: Draft | null; canMerge: boolean }) {
  const save = useRpcMutation('policy.saveDraft', ['policy.get', 'policy.status']);
  const discard = useRpcMutation('policy.discardDraft', ['policy.get', 'policy.status']);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty },
  } = useForm<Draft>({
    resolver: zodResolver(DraftSchema),
    defaultValues: draft ?? { changes: '', nextReviewOn: '' },
  });
  const release = useUnsavedGuard(isDirty);
  const preview = async () => {
    setPreviewError(null);
    setBusy(true);
    try {
      const { jobId } = await call('policy.preview', {});
      await waitForLettersJob(jobId);
      const f = await call('policy.previewFile', { jobId });
      downloadBase64(f.base64, f.fileName);
    } catch (e) {
      setPreviewError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      aria-label="Draft of the policy"
      className="card"
      style={{ display: 'grid', gap: 8 }}
      onSubmit={handleSubmit(async (d) => {
        await save.mutateAsync(d);
        release();
        reset(d);
      })}
    >
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
      <ErrorBar error={save.error ?? discard.error ?? previewError} />
      <div className="row">
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {draft ? 'Save the draft' : 'Start a new version'}
        </Button>
        {draft && (
          <>
            <Button disabled={!canMerge || busy || isDirty} onClick={() => void preview()}>
              Preview the draft (.docx)
            </Button>
            <Button
              disabled={discard.isPending}
              onClick={() => {
                if (window.confirm('Discard this draft? The approved versions stay.')) {
                  release();
                  discard.mutate({});
                }
              }}
            >
              Discard the draft
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
