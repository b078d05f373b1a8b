// Attendance contracts (docs/rules/arrangements.md, "Attendance contracts"): agree one, produce the Word copy from
// the school's attendance-contract template, keep the signed copy, record reviews and the outcome.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Select, Text, Textarea, Title2 } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import {
  CONTRACT_EVENT_LABELS,
  CONTRACT_OUTCOMES,
  CONTRACT_OUTCOME_LABELS,
} from '../../../../shared/channels/arrangements';
import { pupilName } from '../../../../shared/names';
import type { Output } from '../../../../shared/contract';
import { formatUkDate, parseInputDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { FilePicker } from '../../components/FilePicker';
import { downloadBase64 } from '../../download';
import { fileToBase64 } from '../../letters/util';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { useUnsavedGuard } from './useUnsavedGuard';
import { openJobLetter } from './jobLetter';
import { FormDate } from '../../components/FormDate';

type Contract = Output<'arrangements.contracts'>['contracts'][number];

const Schema = z.object({
  pupilId: z.string().min(1, 'choose the pupil'),
  agreedOn: z.string().min(1, 'enter a date as dd/mm/yyyy'),
  parties: z.string().trim().min(1, 'name the parties'),
  parentCommitments: z.string().trim().min(1, 'record what the parents commit to'),
  pupilCommitments: z.string().trim(),
  schoolCommitments: z.string().trim().min(1, 'record what the school commits to'),
  agencyCommitments: z.string().trim(),
  supportOffered: z.string().trim().min(1, 'record the support offered'),
  reviewDates: z
    .string()
    .trim()
    .refine((v) => v.split(/[\s,;]+/).filter(Boolean).length > 0, 'set at least one review date')
    .refine(
      (v) =>
        v
          .split(/[\s,;]+/)
          .filter(Boolean)
          .every((d) => parseInputDate(d)),
      'dates as dd/mm/yyyy',
    ),
});
type Values = z.infer<typeof Schema>;
const TEXTS: [keyof Values, string, boolean][] = [
  ['parties', 'Parties (names and roles)', true],
  ['parentCommitments', 'The parents will', true],
  ['pupilCommitments', 'The pupil will', false],
  ['schoolCommitments', 'The school will', true],
  ['agencyCommitments', 'Other agencies will', false],
  ['supportOffered', 'Support offered, and by whom', true],
];

function NewContract({ today }: { today: string }) {
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  const f = useForm<Values>({
    resolver: zodResolver(Schema),
    defaultValues: {
      pupilId: '',
      agreedOn: today,
      parties: '',
      parentCommitments: '',
      pupilCommitments: '',
      schoolCommitments: '',
      agencyCommitments: '',
      supportOffered: '',
      reviewDates: '',
    },
  });
  const release = useUnsavedGuard(f.formState.isDirty);
  const e = f.formState.errors;
  const submit = f.handleSubmit(async (v) => {
    setError(null);
    try {
      await call('arrangements.contractCreate', {
        ...v,
        pupilId: Number(v.pupilId),
        pupilCommitments: v.pupilCommitments || null,
        agencyCommitments: v.agencyCommitments || null,
        reviewDates: v.reviewDates
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((d) => parseInputDate(d)!),
      });
      release();
      f.reset();
      await qc.invalidateQueries({ queryKey: ['arrangements.contracts'] });
    } catch (x) {
      setError(x);
    }
  });
  return (
    <form noValidate className="card" aria-label="New attendance contract" onSubmit={(ev) => void submit(ev)}>
      <Text as="h2" weight="semibold" size={500}>
        Agree an attendance contract
      </Text>
      <div className="row">
        <Field label="Find the pupil (name or UPN)">
          <Input value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
        <Field label="Pupil" required validationMessage={e.pupilId?.message}>
          <Controller
            control={f.control}
            name="pupilId"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                <option value="">Choose…</option>
                {(q.data?.pupils ?? []).slice(0, 20).map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {pupilName(p)} ({p.regGroup})
                  </option>
                ))}
              </Select>
            )}
          />
        </Field>
        <FormDate
          control={f.control}
          name="agreedOn"
          label="Agreed on"
          required
          validationMessage={e.agreedOn?.message}
        />
      </div>
      {TEXTS.map(([name, label, required]) => (
        <Field key={name} label={label} required={required} validationMessage={e[name]?.message}>
          <Controller
            control={f.control}
            name={name}
            render={({ field }) => (
              <Textarea value={field.value} onChange={(_, d) => field.onChange(d.value)} resize="vertical" />
            )}
          />
        </Field>
      ))}
      <Field
        label="Review dates (dd/mm/yyyy, commas between)"
        required
        validationMessage={e.reviewDates?.message}
      >
        <Controller
          control={f.control}
          name="reviewDates"
          render={({ field }) => <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />}
        />
      </Field>
      <ErrorBar error={error} title="Not saved" />
      <Button appearance="primary" type="submit">
        Save the contract
      </Button>
    </form>
  );
}

function ContractCard({ c, today, mayWrite }: { c: Contract; today: string; mayWrite: boolean }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<'review' | 'outcome'>('review');
  const [outcome, setOutcome] = useState<(typeof CONTRACT_OUTCOMES)[number]>('kept');
  const [on, setOn] = useState(today);
  const [notes, setNotes] = useState('');
  const run = async (f: () => Promise<string>) => {
    setError(null);
    try {
      setStatus(await f());
      await qc.invalidateQueries({ queryKey: ['arrangements.contracts'] });
    } catch (x) {
      setError(x);
    }
  };
  const word = () =>
    run(async () => {
      const r = await call('arrangements.contractLetter', { contractId: c.id });
      return `Word copy made and logged: ${await openJobLetter(r.jobId)}.`;
    });
  const open = (eventId: number) =>
    run(async () => {
      const f = await call('arrangements.contractFile', { eventId });
      downloadBase64(f.base64, f.fileName, f.mimeType);
      return `Opened ${f.fileName}.`;
    });
  return (
    <section className="card" aria-labelledby={`h-contract-${c.id}`}>
      <Text as="h2" id={`h-contract-${c.id}`} weight="semibold" size={500}>
        {c.pupilName}: agreed {formatUkDate(c.agreedOn)}
      </Text>
      <Text>
        {c.parties}. Reviews: {c.reviewDates.map(formatUkDate).join(', ')}.{' '}
        {c.outcome
          ? `Outcome: ${c.outcome}`
          : `Next review ${c.nextReviewOn ? formatUkDate(c.nextReviewOn) : '–'}.`}
      </Text>
      <ul aria-label={`Record of the contract for ${c.pupilName}`}>
        {c.events.map((ev) => (
          <li key={ev.id}>
            {formatUkDate(ev.on)}: {CONTRACT_EVENT_LABELS[ev.kind]}
            {ev.notes ? `: ${ev.notes}` : ''}
            {ev.kind === 'letter' && ev.fileName ? ` (${ev.fileName})` : ''}
            {ev.fileName && ev.kind === 'signed_copy' && (
              <Button size="small" appearance="transparent" onClick={() => void open(ev.id)}>
                Open {ev.fileName}
              </Button>
            )}{' '}
            ({ev.by})
          </li>
        ))}
      </ul>
      <div className="row">
        {mayWrite && <Button onClick={() => void word()}>Make the Word copy</Button>}
        <FilePicker
          label={`Signed copy for ${c.pupilName}`}
          accept=".pdf,.jpg,.jpeg,.png,.docx"
          onFile={(file) =>
            void run(async () => {
              const base64 = await fileToBase64(file);
              await call('arrangements.contractSignedCopy', {
                contractId: c.id,
                fileName: file.name,
                mimeType: file.type || 'application/octet-stream',
                base64,
              });
              return `Signed copy kept: ${file.name}.`;
            })
          }
        />
      </div>
      {mayWrite && !c.outcome && (
        <div className="row" role="group" aria-label={`Review or outcome for ${c.pupilName}`}>
          <Field label="Record">
            <Select value={kind} onChange={(_, d) => setKind(d.value as 'review' | 'outcome')}>
              <option value="review">A review</option>
              <option value="outcome">The outcome</option>
            </Select>
          </Field>
          {kind === 'outcome' && (
            <Field label="Outcome">
              <Select value={outcome} onChange={(_, d) => setOutcome(d.value as typeof outcome)}>
                {CONTRACT_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {CONTRACT_OUTCOME_LABELS[o]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="On">
            <DateInput value={on} onChange={(_, d) => d.value && setOn(d.value)} />
          </Field>
          <Field label="Notes">
            <Input value={notes} onChange={(_, d) => setNotes(d.value)} />
          </Field>
          <Button
            onClick={() =>
              void run(async () => {
                await call('arrangements.contractEvent', {
                  contractId: c.id,
                  kind,
                  on,
                  notes,
                  outcome: kind === 'outcome' ? outcome : undefined,
                });
                setNotes('');
                return 'Recorded.';
              })
            }
          >
            Save
          </Button>
        </div>
      )}
      {status && <Text role="status">{status}</Text>}
      <ErrorBar error={error} />
    </section>
  );
}

export function Contracts({ today }: { today: string }) {
  const me = useMe();
  const list = useRpc('arrangements.contracts', {});
  const mayWrite = mayCall(me, 'arrangements.contractCreate');
  return (
    <div className="page">
      <p>
        <a href="#/arrangements">Part-time timetables and flexi-schooling</a>
      </p>
      <Title2 as="h1">Attendance contracts</Title2>
      <Text>
        A written, voluntary agreement between the parents and the school (and other agencies): not legally
        binding, but a refusal or a broken contract can be relied on if legal action follows.
      </Text>
      {mayWrite && <NewContract today={today} />}
      <ErrorBar error={list.error} />
      {list.data?.contracts.length === 0 && <Text>No attendance contract yet.</Text>}
      {list.data?.contracts.map((c) => (
        <ContractCard key={c.id} c={c} today={today} mayWrite={mayWrite} />
      ))}
    </div>
  );
}
