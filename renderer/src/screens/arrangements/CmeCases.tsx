// Children missing education cases (docs/rules/arrangements.md, "Children missing education"): look for pupils with
// 10 continuous school days of unauthorised absence, raise a concern by hand, and record each reasonable enquiry.
import { useState } from 'react';
import { Badge, Button, Field, Input, Select, Text, Textarea, Title2 } from '@fluentui/react-components';
import {
  cmeNeedsEnquiries,
  CME_STEPS,
  CME_STEP_LABELS,
  CME_TRIGGER_LABELS,
  type CmeStep,
} from '../../../../shared/arrangements';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { pupilName } from '../../../../shared/names';

type Case = Output<'arrangements.cmeList'>['cases'][number];
const INVALIDATES = [
  'arrangements.cmeList',
  'arrangements.cmeForDeletion',
  'arrangements.cmeProposals',
] as const;

function StepForm({ c, today }: { c: Case; today: string }) {
  const m = useRpcMutation('arrangements.cmeStep', [...INVALIDATES]);
  const [step, setStep] = useState<CmeStep>('contacts');
  const [doneOn, setDoneOn] = useState(today);
  const [outcome, setOutcome] = useState('');
  const [reference, setReference] = useState('');
  return (
    <form
      noValidate
      aria-label={`Enquiry for ${c.pupilName}`}
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(
          { caseId: c.id, step, doneOn, outcome, reference: reference || null },
          {
            onSuccess: () => {
              setOutcome('');
              setReference('');
            },
          },
        );
      }}
    >
      <Field label="Enquiry">
        <Select value={step} onChange={(_, d) => setStep(d.value as CmeStep)}>
          {CME_STEPS.map((s) => (
            <option key={s} value={s}>
              {CME_STEP_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="On">
        <DateInput value={doneOn} onChange={(_, d) => d.value && setDoneOn(d.value)} />
      </Field>
      <Field label="What happened">
        <Input value={outcome} onChange={(_, d) => setOutcome(d.value)} />
      </Field>
      <Field label="Reference (LA referral)">
        <Input value={reference} onChange={(_, d) => setReference(d.value)} />
      </Field>
      <Button type="submit">Record</Button>
      <ErrorBar error={m.error} title="Not saved" />
    </form>
  );
}

function OpenForm() {
  const m = useRpcMutation('arrangements.cmeOpen', [...INVALIDATES]);
  const [search, setSearch] = useState('');
  const [pupilId, setPupilId] = useState('');
  const [detail, setDetail] = useState('');
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  return (
    <section className="card" aria-labelledby="h-cme-open">
      <Text as="h2" id="h-cme-open" weight="semibold" size={500}>
        Raise a concern
      </Text>
      <div className="row">
        <Field label="Find the pupil (name or UPN)">
          <Input value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
        <Field label="Pupil">
          <Select value={pupilId} onChange={(_, d) => setPupilId(d.value)}>
            <option value="">Choose…</option>
            {(q.data?.pupils ?? []).slice(0, 20).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {pupilName(p)} ({p.regGroup})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Why">
        <Textarea value={detail} onChange={(_, d) => setDetail(d.value)} resize="vertical" />
      </Field>
      <div className="row">
        <Button
          disabled={!pupilId}
          onClick={() => m.mutate({ pupilId: Number(pupilId), trigger: 'concern', detail })}
        >
          Open a CME case
        </Button>
      </div>
      <ErrorBar error={m.error} title="Not opened" />
    </section>
  );
}

/** The pupils a case should open for now: proposed by the core, opened by a person (nothing is automatic). */
function Proposals() {
  const q = useRpc('arrangements.cmeProposals', {});
  const open = useRpcMutation('arrangements.cmeOpen', [...INVALIDATES]);
  const list = q.data?.proposals ?? [];
  if (!list.length) {
    return <ErrorBar error={q.error} />;
  }
  return (
    <section className="card" aria-labelledby="h-cme-due">
      <Text as="h2" id="h-cme-due" weight="semibold" size={500}>
        Cases to open
      </Text>
      <ul aria-label="Cases to open">
        {list.map((p) => (
          <li key={p.pupilId}>
            <a href={`#/pupils/${p.pupilId}`}>{p.pupilName}</a>: {CME_TRIGGER_LABELS[p.trigger]}. {p.detail}{' '}
            <Button
              size="small"
              disabled={open.isPending}
              onClick={() => open.mutate({ pupilId: p.pupilId, trigger: p.trigger, detail: p.detail })}
            >
              Open the case for {p.pupilName}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorBar error={open.error} title="Not opened" />
    </section>
  );
}

export function CmeCases({ today }: { today: string }) {
  const list = useRpc('arrangements.cmeList', {});
  const scan = useRpcMutation('arrangements.cmeScan', [...INVALIDATES]);
  return (
    <div className="page">
      <p>
        <a href="#/arrangements">Part-time timetables and flexi-schooling</a>
      </p>
      <Title2 as="h1">Children missing education</Title2>
      <Text>
        No pupil is ever taken off the register by the app. A deletion on grounds 9(1)(g), (h) or (i) waits
        until the enquiries made jointly with the LA are recorded here.
      </Text>
      <div className="row">
        <Button appearance="primary" onClick={() => scan.mutate({})}>
          Open every case proposed
        </Button>
        {scan.data && (
          <Text role="status">
            {scan.data.opened.length
              ? `Cases opened: ${scan.data.opened.join(', ')}.`
              : 'No new case to open.'}
          </Text>
        )}
      </div>
      <ErrorBar error={scan.error ?? list.error} />
      <Proposals />
      <OpenForm />
      {list.data?.cases.map((c) => (
        <section className="card" key={c.id} aria-labelledby={`h-cme-${c.id}`}>
          <Text as="h2" id={`h-cme-${c.id}`} weight="semibold" size={500}>
            {c.pupilName}: {c.open ? 'open' : 'closed'} since {formatUkDate(c.openedOn)}
          </Text>
          <Text block>
            Opened by {c.openedBy}.{' '}
            {cmeNeedsEnquiries(c) && (
              <Badge appearance="filled" color="danger">
                needs its enquiries
              </Badge>
            )}
          </Text>
          <Text>
            {CME_TRIGGER_LABELS[c.trigger]}. {c.detail}
          </Text>
          <ul aria-label={`Enquiries for ${c.pupilName}`}>
            {c.steps.map((s, k) => (
              <li key={k}>
                {formatUkDate(s.doneOn)}: {CME_STEP_LABELS[s.step]}
                {s.reference ? ` (${s.reference})` : ''}: {s.outcome} ({s.by})
              </li>
            ))}
          </ul>
          {c.missing.length > 0 && <Text>Still to record: {c.missing.join('; ')}.</Text>}
          {c.open && <StepForm c={c} today={today} />}
        </section>
      ))}
    </div>
  );
}
