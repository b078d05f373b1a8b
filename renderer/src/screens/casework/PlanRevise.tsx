// Revising an open reintegration plan (docs/rules/casework.md): the form starts from the current version, and
// saving writes the next version with what changed; every earlier version stays. react-hook-form with zod; the
// core checks again (dates inside the plan, steps in order) and rewrites the planned C2 marks from today on.
import { Controller, useFieldArray, useForm, type Control, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { MEASURE_KINDS, MEASURE_LABELS, type PlanContent } from '../../../../shared/casework';
import { DateInput } from '../../components/DateInput';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpcMutation } from '../../hooks';
import { useUnsavedGuard } from './forms';
import { attendsOf, patternOf, STEP_PATTERN_KEYS, STEP_PATTERNS } from './steps';

const date = z.string().min(1, 'enter a date (dd/mm/yyyy)');
const whole = (what: string, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `${what}: a number`)
    .refine((s) => Number(s) <= max, `${what}: at most ${max}`);
const Values = z.object({
  why: z.string().trim().max(4000),
  pupilView: z.string().trim().max(4000),
  keyAdult: z.string().trim().min(1, 'name the key adult').max(200),
  checkInEveryDays: whole('days between check-ins', 28).refine(
    (s) => Number(s) >= 1,
    'at least every 28 days',
  ),
  checkInHow: z.string().trim().max(500),
  firstReview: date,
  steps: z.array(
    z.object({
      label: z.string().trim().min(1, 'name the step').max(200),
      from: date,
      to: date,
      pattern: z.enum(['as_now', ...STEP_PATTERN_KEYS]),
    }),
  ),
  measures: z.array(z.object({ kind: z.enum(MEASURE_KINDS), target: whole('target', 100) })),
  parentName: z.string().trim().max(200),
  signatory: z.string().trim().max(200),
  signatoryPosition: z.string().trim().max(200),
  changeSummary: z.string().trim().max(500),
  startOn: date,
});
type V = z.infer<typeof Values>;
const RevisedValues = Values.refine((v) => v.changeSummary !== '', {
  message: 'say what changed and why',
  path: ['changeSummary'],
});

function defaults(c: PlanContent, startOn: string): V {
  return {
    startOn,
    why: c.why,
    pupilView: c.pupilView,
    keyAdult: c.keyAdult,
    checkInEveryDays: String(c.checkInEveryDays),
    checkInHow: c.checkInHow,
    firstReview: c.firstReview,
    steps: c.steps.map((s) => ({ label: s.label, from: s.from, to: s.to, pattern: patternOf(s.attends) })),
    measures: c.measures.map((m) => ({ kind: m.kind, target: String(m.target) })),
    parentName: c.agreement.parentName,
    signatory: c.agreement.signatory,
    signatoryPosition: c.agreement.signatoryPosition,
    changeSummary: '',
  };
}

function content(c: PlanContent, v: V): PlanContent {
  return {
    ...c,
    why: v.why,
    pupilView: v.pupilView,
    keyAdult: v.keyAdult,
    checkInEveryDays: Number(v.checkInEveryDays),
    checkInHow: v.checkInHow,
    firstReview: v.firstReview,
    steps: v.steps.map((s, k) => ({
      label: s.label,
      from: s.from,
      to: s.to,
      attends: attendsOf(s.pattern, c.steps[k]?.attends ?? STEP_PATTERNS.full.attends),
    })),
    measures: v.measures.map((m) => ({ kind: m.kind, target: Number(m.target) })),
    agreement: {
      ...c.agreement,
      parentName: v.parentName,
      signatory: v.signatory,
      signatoryPosition: v.signatoryPosition,
    },
  };
}

function TextBox({
  control,
  name,
  label,
  long = false,
  required = false,
}: {
  control: Control<V>;
  name: FieldPath<V>;
  label: string;
  long?: boolean;
  required?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} required={required} validationMessage={fieldState.error?.message}>
          {long ? (
            <Textarea value={String(field.value)} onChange={(_, d) => field.onChange(d.value)} />
          ) : (
            <Input value={String(field.value)} onChange={(_, d) => field.onChange(d.value)} />
          )}
        </Field>
      )}
    />
  );
}

function DateBox({ control, name, label }: { control: Control<V>; name: FieldPath<V>; label: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} validationMessage={fieldState.error?.message}>
          <DateInput value={String(field.value)} onChange={(_, d) => field.onChange(d.value)} />
        </Field>
      )}
    />
  );
}

function Steps({ control, current }: { control: Control<V>; current: PlanContent }) {
  const steps = useFieldArray({ control, name: 'steps' });
  return (
    <fieldset>
      <legend>Phased timetable</legend>
      {steps.fields.map((s, k) => (
        <div key={s.id} className="row" role="group" aria-label={`Step ${k + 1}`}>
          <TextBox control={control} name={`steps.${k}.label`} label="Step" />
          <DateBox control={control} name={`steps.${k}.from`} label="From" />
          <DateBox control={control} name={`steps.${k}.to`} label="To" />
          <Controller
            control={control}
            name={`steps.${k}.pattern`}
            render={({ field }) => (
              <Field label="Sessions attended">
                <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                  {current.steps[k] && patternOf(current.steps[k].attends) === 'as_now' && (
                    <option value="as_now">As now ({current.steps[k].attends.length} sessions a week)</option>
                  )}
                  {STEP_PATTERN_KEYS.map((p) => (
                    <option key={p} value={p}>
                      {STEP_PATTERNS[p].label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          />
          <Button onClick={() => steps.remove(k)}>Remove step {k + 1}</Button>
        </div>
      ))}
      <Button onClick={() => steps.append({ label: '', from: '', to: '', pattern: 'full' })}>
        Add a step
      </Button>
    </fieldset>
  );
}

interface FormProps {
  label: string;
  current: PlanContent;
  startOn: string;
  revise: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved: boolean;
  onSave: (content: PlanContent, v: V) => void;
  onCancel?: () => void;
}

/** The plan's content as a form: a new plan starts from a proposal, a revision from the current version. */
export function PlanForm(props: FormProps) {
  const { current, revise } = props;
  const f = useForm<V>({
    resolver: zodResolver(revise ? RevisedValues : Values),
    defaultValues: defaults(current, props.startOn),
  });
  useUnsavedGuard(f.formState.isDirty && !props.saved);
  const c = f.control;
  const problems = Object.keys(f.formState.errors).length;
  return (
    <form
      className="card form-grid"
      aria-label={props.label}
      noValidate
      onSubmit={f.handleSubmit((v) => props.onSave(content(current, v), v))}
    >
      {revise ? (
        <p>Saving writes a new version; the earlier versions are kept and listed below.</p>
      ) : (
        <DateBox control={c} name="startOn" label="Start date" />
      )}
      <TextBox control={c} name="why" label="Why this plan" long />
      <TextBox control={c} name="pupilView" label="The pupil's view, in their own words" long />
      <TextBox control={c} name="keyAdult" label="Key adult" required />
      <TextBox control={c} name="checkInEveryDays" label="Check in every (days)" />
      <TextBox control={c} name="checkInHow" label="How the check-ins happen" />
      <DateBox control={c} name="firstReview" label="First review" />
      <Steps control={c} current={current} />
      <fieldset>
        <legend>Success measures</legend>
        {current.measures.map((m, k) => (
          <TextBox key={m.kind} control={c} name={`measures.${k}.target`} label={MEASURE_LABELS[m.kind]} />
        ))}
      </fieldset>
      <TextBox control={c} name="parentName" label="Parent or carer agreeing" />
      <TextBox control={c} name="signatory" label="Signing for the school" />
      <TextBox control={c} name="signatoryPosition" label="Their position" />
      {revise && <TextBox control={c} name="changeSummary" label="What changed, and why" long required />}
      {problems > 0 && <p role="alert">Check the boxes marked above: nothing was saved yet.</p>}
      <div className="row">
        <Button appearance="primary" type="submit" disabled={props.pending}>
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
      </div>
      <ErrorBar error={props.error} />
    </form>
  );
}

export function ReviseForm({
  planId,
  startOn,
  current,
  onDone,
}: {
  planId: number;
  startOn: string;
  current: PlanContent;
  onDone: () => void;
}) {
  const save = useRpcMutation('casework.plan.revise', [
    'casework.plan.get',
    'casework.pupil',
    'casework.due',
  ]);
  return (
    <PlanForm
      label="Revise the plan"
      current={current}
      startOn={startOn}
      revise
      submitLabel="Save as a new version"
      pending={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      onCancel={onDone}
      onSave={(content, v) =>
        save.mutate({ planId, content, changeSummary: v.changeSummary }, { onSuccess: onDone })
      }
    />
  );
}
