// Agreeing a part-time timetable or a flexi-schooling agreement (docs/rules/arrangements.md). The core enforces
// the rules (end date, reason, parent the pupil lives with, review within the school's interval); the form says
// them up front and shows the core's refusal when one is broken.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Select, Text, Textarea, Title2 } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import {
  ARRANGEMENT_KIND_LABELS,
  TIMETABLE_REASONS,
  TIMETABLE_REASON_LABELS,
  type ArrangementKind,
} from '../../../../shared/channels/arrangements';
import type { Output } from '../../../../shared/contract';
import { pupilName } from '../../../../shared/names';
import { go } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDate } from '../../components/FormDate';
import { PupilSearch } from '../../components/PupilSearch';
import { PatternGrid } from './PatternGrid';
import { useUnsavedGuard } from './useUnsavedGuard';
import { FormSelect } from '../../components/FormSelect';

const FormSchema = z
  .object({
    kind: z.enum(['part_time', 'flexi']),
    reasonCategory: z.enum(TIMETABLE_REASONS),
    reason: z.string().trim().min(1, 'record why it is agreed').max(2000),
    startDate: z.string().min(1, 'enter a date as dd/mm/yyyy'),
    endDate: z.string(),
    away: z.array(z.string()).min(1, 'tick at least one session the pupil is not expected in school'),
    parentContactId: z.string(),
    parentName: z.string().trim().max(200),
    parentAgreedOn: z.string(),
    laToldOn: z.string(),
    laToldHow: z.string().trim().max(200),
    socialWorkerToldOn: z.string(),
    socialWorkerToldHow: z.string().trim().max(200),
    curriculumNotes: z.string().trim().max(4000),
  })
  .refine((v) => v.kind !== 'part_time' || v.endDate !== '', {
    path: ['endDate'],
    message: 'a part-time timetable must have an end date',
  })
  .refine((v) => v.kind !== 'part_time' || v.parentContactId !== '', {
    path: ['parentContactId'],
    message: 'choose the parent who agreed',
  });
type Values = z.infer<typeof FormSchema>;
type Pupil = Output<'pupils.get'>;

export function NewArrangement({ kind, today }: { kind: ArrangementKind; today: string }) {
  const qc = useQueryClient();
  const [pupil, setPupil] = useState<Pupil | null>(null);
  const [error, setError] = useState<unknown>(null);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(FormSchema),
    defaultValues: {
      kind,
      reasonCategory: 'phased_return',
      reason: '',
      startDate: today,
      endDate: '',
      away: [],
      parentContactId: '',
      parentName: '',
      parentAgreedOn: today,
      laToldOn: '',
      laToldHow: '',
      socialWorkerToldOn: '',
      socialWorkerToldHow: '',
      curriculumNotes: '',
    },
  });
  const release = useUnsavedGuard(isDirty || pupil !== null);
  const err = (k: keyof Values) => errors[k]?.message;
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const submit = handleSubmit(
    async (v) => {
      if (!pupil) {
        setError(new Error('Choose the pupil first.'));
        return;
      }
      setError(null);
      try {
        const r = await call('arrangements.create', {
          pupilId: pupil.pupil.id!,
          kind,
          reasonCategory: kind === 'part_time' ? v.reasonCategory : null,
          reason: v.reason,
          startDate: v.startDate,
          endDate: orNull(v.endDate),
          away: v.away,
          parentContactId: v.parentContactId ? Number(v.parentContactId) : null,
          parentName: orNull(v.parentName),
          parentAgreedOn: orNull(v.parentAgreedOn),
          laToldOn: orNull(v.laToldOn),
          laToldHow: orNull(v.laToldHow),
          socialWorkerToldOn: orNull(v.socialWorkerToldOn),
          socialWorkerToldHow: orNull(v.socialWorkerToldHow),
          curriculumNotes: orNull(v.curriculumNotes),
        });
        await qc.invalidateQueries();
        release();
        reset(v);
        go(`arrangements/${r.id}`);
      } catch (e) {
        setError(e);
      }
    },
    (bad) => {
      // say what is missing, also for fields further up the page
      setError(
        new Error(
          `Check: ${Object.entries(bad)
            .map(([k, e]) => `${k}: ${e?.message ?? 'invalid'}`)
            .join('; ')}`,
        ),
      );
    },
  );
  const text = (name: keyof Values, label: string, opts: { required?: boolean; long?: boolean } = {}) => (
    <Field label={label} required={opts.required} validationMessage={err(name)}>
      <Controller
        control={control}
        name={name}
        render={({ field }) =>
          opts.long ? (
            <Textarea
              value={field.value as string}
              onChange={(_, d) => field.onChange(d.value)}
              resize="vertical"
            />
          ) : (
            <Input value={field.value as string} onChange={(_, d) => field.onChange(d.value)} />
          )
        }
      />
    </Field>
  );
  const date = (name: keyof Values, label: string, required = false) => (
    <FormDate control={control} name={name} label={label} required={required} validationMessage={err(name)} />
  );
  return (
    <div className="page">
      <Title2 as="h1">Agree a {ARRANGEMENT_KIND_LABELS[kind].toLowerCase()}</Title2>
      <Text>
        {kind === 'part_time'
          ? 'Only in very exceptional circumstances and in the pupil’s interests, never to manage ' +
            'behaviour: temporary, with an end date, agreed with a parent the pupil lives with, and ' +
            'reviewed at least every few weeks. The missed sessions are marked C2 (X for a pupil not ' +
            'of compulsory school age).'
          : 'The agreed home sessions are marked C (authorised absence). Outside them the usual rules apply.'}
      </Text>
      <form
        className="card"
        aria-label="The arrangement"
        noValidate
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        {pupil ? (
          <div className="row">
            <Text weight="semibold">
              {pupilName(pupil.pupil)} ({pupil.pupil.regGroup}, Year {pupil.pupil.yearGroup})
            </Text>
            <Button size="small" onClick={() => setPupil(null)}>
              Choose another pupil
            </Button>
          </div>
        ) : (
          <PupilSearch
            label="Find the pupil (name or UPN)"
            action="Choose"
            onPick={(id) => void call('pupils.get', { id }).then(setPupil, setError)}
          />
        )}
        {kind === 'part_time' && (
          <FormSelect
            control={control}
            name="reasonCategory"
            label="Why"
            required
            validationMessage={err('reasonCategory')}
            options={TIMETABLE_REASONS}
            labels={TIMETABLE_REASON_LABELS}
          />
        )}
        {text('reason', kind === 'part_time' ? 'The circumstances' : 'What was agreed and why', {
          required: true,
          long: true,
        })}
        <div className="row">
          {date('startDate', 'Starts on', true)}
          {date(
            'endDate',
            kind === 'part_time' ? 'Ends on (time limit)' : 'Ends on (if agreed)',
            kind === 'part_time',
          )}
        </div>
        <Field
          label="Sessions the pupil is not expected in school"
          required
          validationMessage={err('away')}
          hint={kind === 'part_time' ? 'Tick the sessions missed.' : 'Tick the sessions educated at home.'}
        >
          <Controller
            control={control}
            name="away"
            render={({ field }) => (
              <PatternGrid value={field.value} onChange={field.onChange} label="Weekly pattern" />
            )}
          />
        </Field>
        <div className="row">
          {kind === 'part_time' ? (
            <Field
              label="Parent who agreed (lives with the pupil)"
              required
              validationMessage={err('parentContactId')}
            >
              <Controller
                control={control}
                name="parentContactId"
                render={({ field }) => (
                  <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                    <option value="">Choose…</option>
                    {(pupil?.contacts ?? []).map((c) => (
                      <option key={c.id} value={String(c.id)}>
                        {c.name}
                        {c.relationship ? ` (${c.relationship})` : ''}
                        {c.livesWith ? '' : ' – does not live with the pupil'}
                      </option>
                    ))}
                  </Select>
                )}
              />
            </Field>
          ) : (
            text('parentName', 'Parents who agreed')
          )}
          {date('parentAgreedOn', 'Agreed on')}
        </div>
        <div className="row">
          {date('laToldOn', 'Local authority told on')}
          {text('laToldHow', 'How the LA was told')}
        </div>
        <div className="row">
          {date('socialWorkerToldOn', 'Social worker or virtual school told on')}
          {text('socialWorkerToldHow', 'How they were told')}
        </div>
        {kind === 'flexi' && text('curriculumNotes', 'Curriculum notes', { long: true })}
        <ErrorBar error={error} title="Not saved" />
        <div className="row">
          <Button appearance="primary" type="submit" disabled={isSubmitting}>
            Agree the {kind === 'part_time' ? 'timetable' : 'agreement'}
          </Button>
          <Button onClick={() => go('arrangements')}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}
