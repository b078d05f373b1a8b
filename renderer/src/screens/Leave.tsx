// Leave of absence: the office takes a request in (one form for a family of siblings), the head or an authorised
// person decides it from the queue with every warning and the penalty forecast in view, revisions keep the
// history, the decision letter downloads as .docx, and the office confirms proposed G marks. Everything the
// screen shows (warnings, forecast, codes) is computed in the core; this file only lays it out.
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  Badge,
  Button,
  ProgressBar,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  Title2,
  Title3,
} from '@fluentui/react-components';
import {
  LEAVE_KIND_LABELS,
  LEAVE_KIND_VALUES,
  LEAVE_KINDS_OFFERED,
  LEAVE_RECEIVED_LABELS,
  LEAVE_RECEIVED_VALUES,
  type LeaveKind,
} from '../../../shared/channels/leave';
import type { Output } from '../../../shared/contract';
import { formatUkDate, parseInputDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics';
import { BAND_LABELS } from '../../../shared/bands';
import { go, useHashRoute, useRpc, useRpcMutation } from '../hooks';
import { RouteTabs } from '../components/RouteTabs';
import { call, RpcFailure } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../auth/when';
import { pollJob } from '../letters/util';
import { downloadBase64 } from '../download';
import { pupilName, pluralS } from '../../../shared/names';

type Row = Output<'leave.list'>['requests'][number];
type Detail = Output<'leave.get'>;
const STATUS_LABEL: Record<Row['status'], string> = {
  pending: 'Waiting for a decision',
  granted: 'Granted',
  part: 'Granted in part',
  refused: 'Refused',
};
const STATUS_COLOR = {
  pending: 'warning',
  granted: 'success',
  part: 'informative',
  refused: 'danger',
} as const;
const LEAVE_INVALIDATES = [
  'leave.list',
  'leave.queue',
  'leave.get',
  'leave.gProposals',
  'registers.get',
] as const;

export function StatusBadge({ status }: { status: Row['status'] }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const range = (r: Pick<Row, 'fromDate' | 'fromSession' | 'toDate' | 'toSession'>) =>
  `${formatUkDate(r.fromDate)} ${r.fromSession} to ${formatUkDate(r.toDate)} ${r.toSession}`;

const LEAVE_TABS = [
  { value: 'new', label: 'New request' },
  { value: 'queue', label: 'Decisions waiting' },
  { value: 'all', label: 'All requests' },
  { value: 'g', label: 'Holiday not granted (G) to confirm' },
];

export function Leave({ today }: { today: string }) {
  const route = useHashRoute();
  const [, sub] = route;
  if (sub && /^\d+$/.test(sub)) {
    return <RequestPage id={Number(sub)} />;
  }
  const tab = sub ?? 'new';
  return (
    <div className="page">
      <Title2 as="h1">Leave of absence</Title2>
      <RouteTabs
        label="Leave of absence"
        tabs={LEAVE_TABS}
        selected={tab}
        onSelect={(value) => go(`leave/${value}`)}
      />
      {tab === 'new' && <Intake today={today} />}
      {tab === 'queue' && <Queue />}
      {tab === 'all' && <AllRequests />}
      {tab === 'g' && <GProposals />}
    </div>
  );
}

// ---- lists -----------------------------------------------------------------------------------------------------

function RequestTable({ rows, label }: { rows: Row[]; label: string }) {
  const today = useRpc('school.appStatus', {}).data?.today ?? '';
  if (rows.length === 0) {
    return <Text>None.</Text>;
  }
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="plain" aria-label={label}>
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Group</th>
            <th>Dates</th>
            <th>School days</th>
            <th>Kind</th>
            <th>Received</th>
            <th>Asked by</th>
            <th>Status</th>
            <th>Decide by</th>
            <th>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`#/leave/${r.id}`}>{r.pupilName}</a>
              </td>
              <td>{r.regGroup}</td>
              <td>{range(r)}</td>
              <td>{r.days}</td>
              <td>{LEAVE_KIND_LABELS[r.kind]}</td>
              <td>{formatUkDate(r.dateReceived)}</td>
              <td>{r.requesterName}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                {r.decideBy ? (
                  <>
                    {formatUkDate(r.decideBy)}
                    {today && r.decideBy < today && (
                      <>
                        {' '}
                        <Badge appearance="tint" color="danger">
                          overdue
                        </Badge>
                      </>
                    )}
                  </>
                ) : (
                  ''
                )}
              </td>
              <td>{r.warnings || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Queue() {
  const q = useRpc('leave.queue', {}, { retry: false });
  if (q.error instanceof RpcFailure && q.error.error.kind === 'forbidden') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          Leave is decided by the headteacher or a person the headteacher has authorised. Requests you enter
          wait here for them.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className="card">
      <ErrorBar error={q.error} />
      {q.data && (
        <>
          <Text as="p">
            {q.data.requests.length} request{pluralS(q.data.requests.length)} waiting, earliest leave first.
          </Text>
          <RequestTable rows={q.data.requests} label="Requests waiting for a decision" />
        </>
      )}
    </section>
  );
}

function AllRequests() {
  const [status, setStatus] = useState('');
  const q = useRpc('leave.list', { status: (status || undefined) as Row['status'] | undefined });
  return (
    <section className="card">
      <Field label="Status">
        <Select value={status} onChange={(_, d) => setStatus(d.value)}>
          <option value="">All</option>
          {Object.entries(STATUS_LABEL).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBar error={q.error} />
      {q.data && <RequestTable rows={q.data.requests} label="Leave requests" />}
    </section>
  );
}

function GProposals({ requestId }: { requestId?: number }) {
  const q = useRpc('leave.gProposals', requestId === undefined ? {} : { requestId });
  const confirm = useRpcMutation('leave.confirmG', [
    ...LEAVE_INVALIDATES,
    'marks.history',
    'registers.pupilAttendance',
  ]);
  const rows = q.data?.proposals ?? [];
  const item = (p: (typeof rows)[number]) => ({ requestId: p.requestId, date: p.date, session: p.session });
  return (
    <section className="card" aria-labelledby="h-g">
      <Text as="h2" id="h-g" weight="semibold" size={500}>
        Holiday not granted (G) to confirm
      </Text>
      <Text as="p">
        Sessions asked for and not granted, where the register shows the pupil absent: if the absence was the
        holiday, confirm G. Each confirmation is an amendment kept in the pupil's history.
      </Text>
      <ErrorBar error={q.error ?? confirm.error} />
      {confirm.isSuccess && (
        <MessageBar intent="success">
          <MessageBarBody>
            {confirm.data.amended} mark{pluralS(confirm.data.amended)} amended to G.
          </MessageBarBody>
        </MessageBar>
      )}
      {q.data && rows.length === 0 && <Text>Nothing to confirm.</Text>}
      {rows.length > 0 && (
        <>
          <table className="plain" aria-label="Proposed G marks">
            <thead>
              <tr>
                <th>Pupil</th>
                <th>Group</th>
                <th>Session</th>
                <th>Mark now</th>
                <th>Why G</th>
                <th>
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={`${p.requestId}-${p.date}-${p.session}`}>
                  <td>
                    <a href={`#/leave/${p.requestId}`}>{p.pupilName}</a>
                  </td>
                  <td>{p.regGroup}</td>
                  <td>
                    {formatUkDate(p.date)} {p.session}
                  </td>
                  <td>
                    <span className="mark">{p.code}</span>
                  </td>
                  <td>{p.why}</td>
                  <td>
                    <Button
                      size="small"
                      disabled={confirm.isPending}
                      onClick={() => confirm.mutate({ items: [item(p)] })}
                      aria-label={`Confirm G for ${p.pupilName} ${formatUkDate(p.date)} ${p.session}`}
                    >
                      Confirm G
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <Button
              appearance="primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate({ items: rows.map(item) })}
            >
              Confirm all {rows.length} as G
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

// ---- intake ----------------------------------------------------------------------------------------------------

const isoOrEmpty = z.string().refine((v) => v !== '', 'enter a date as dd/mm/yyyy');
const IntakeSchema = z
  .object({
    requester: z.string().min(1, 'choose who asked'),
    otherName: z.string().trim().max(200),
    howReceived: z.enum(LEAVE_RECEIVED_VALUES),
    dateReceived: isoOrEmpty,
    fromDate: isoOrEmpty,
    fromSession: z.enum(['AM', 'PM']),
    toDate: isoOrEmpty,
    toSession: z.enum(['AM', 'PM']),
    kind: z.enum(LEAVE_KIND_VALUES),
    reason: z.string().trim().min(1, "record the parent's reason").max(4000),
    notes: z.string().trim().max(4000),
    observance: z.string().trim().max(200),
    religiousBody: z.string().trim().max(200),
    observanceDays: z.string().trim().max(400),
  })
  .refine((v) => v.requester !== 'other' || v.otherName.length > 0, {
    path: ['otherName'],
    message: 'type the name of the person who asked',
  })
  .refine((v) => !v.fromDate || !v.toDate || v.fromDate + v.fromSession <= v.toDate + v.toSession, {
    path: ['toDate'],
    message: 'the leave ends before it starts',
  })
  .refine((v) => v.kind !== 'religious_observance' || v.observance.length > 0, {
    path: ['observance'],
    message: 'name the observance',
  })
  .refine((v) => v.kind !== 'religious_observance' || v.religiousBody.length > 0, {
    path: ['religiousBody'],
    message: 'name the religious body',
  });
type IntakeValues = z.infer<typeof IntakeSchema>;

interface Chosen {
  id: number;
  name: string;
  contacts: Output<'pupils.get'>['contacts'];
}

function PupilSearch({ onPick, exclude }: { onPick: (id: number) => void; exclude: number[] }) {
  const [search, setSearch] = useState('');
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  const rows = (q.data?.pupils ?? []).filter((p) => !exclude.includes(p.id)).slice(0, 8);
  return (
    <div>
      <Field label="Find a pupil (name or UPN)" style={{ maxWidth: '30em' }}>
        <Input value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      {search.trim().length >= 2 && (
        <ul aria-label="Matching pupils" className="plain-list">
          {rows.map((p) => (
            <li key={p.id}>
              <Button
                size="small"
                onClick={() => {
                  onPick(p.id);
                  setSearch('');
                }}
              >
                Add {pupilName(p)} ({p.regGroup})
              </Button>
            </li>
          ))}
          {q.data && rows.length === 0 && <li>No pupil matches.</li>}
        </ul>
      )}
    </div>
  );
}

function Intake({ today }: { today: string }) {
  const qc = useQueryClient();
  const [pupils, setPupils] = useState<Chosen[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ ids: number[]; names: string[] } | null>(null);
  // The keyboard stays on the pupil just added (its search button is gone), and the evidence box empties
  // with the form (docs/ux.md, "Focus and the keyboard").
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const evidence = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (justAdded !== null) {
      document.getElementById(`leave-pupil-${justAdded}`)?.focus();
    }
  }, [justAdded, pupils]);
  const {
    control,
    handleSubmit,
    watch,
    formState: { errors },
    reset,
  } = useForm<IntakeValues>({
    resolver: zodResolver(IntakeSchema),
    defaultValues: {
      requester: '',
      otherName: '',
      howReceived: 'letter',
      dateReceived: today,
      fromDate: '',
      fromSession: 'AM',
      toDate: '',
      toSession: 'PM',
      kind: 'exceptional',
      reason: '',
      notes: '',
      observance: '',
      religiousBody: '',
      observanceDays: '',
    },
  });
  const kind = watch('kind');
  const requester = watch('requester');
  const first = pupils[0];
  const chosenContact = first?.contacts.find((c) => String(c.id) === requester);
  const add = async (id: number) => {
    const p = await call('pupils.get', { id });
    setPupils((xs) => [
      ...xs,
      {
        id,
        name: `${pupilName(p.pupil)}`,
        contacts: p.contacts,
      },
    ]);
    setJustAdded(id);
  };
  // a sibling's own record of the same person (contacts are held per pupil)
  const contactFor = (p: Chosen) =>
    chosenContact
      ? (p.contacts.find((c) => c.name.trim().toLowerCase() === chosenContact.name.trim().toLowerCase()) ??
        null)
      : null;

  const submit = handleSubmit(async (v) => {
    setError(null);
    setSaving(true);
    try {
      const observanceDays = v.observanceDays
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((d) => parseInputDate(d));
      if (observanceDays.some((d) => d === null)) {
        throw new Error('Observance days must be dates as dd/mm/yyyy, separated by commas.');
      }
      const r = await call('leave.create', {
        pupils: pupils.map((p) => ({ pupilId: p.id, requesterContactId: contactFor(p)?.id ?? null })),
        requesterName: chosenContact?.name ?? v.otherName,
        howReceived: v.howReceived,
        dateReceived: v.dateReceived,
        fromDate: v.fromDate,
        fromSession: v.fromSession,
        toDate: v.toDate,
        toSession: v.toSession,
        kind: v.kind,
        reason: v.reason,
        notes: v.notes || null,
        ...(v.kind === 'religious_observance'
          ? {
              observance: v.observance,
              religiousBody: v.religiousBody,
              observanceDays: observanceDays as string[],
            }
          : {}),
      });
      for (const f of files) {
        const base64 = await new Promise<string>((res, rej) => {
          const fr = new FileReader();
          fr.onload = () => res(String(fr.result).split(',')[1] ?? '');
          fr.onerror = () => rej(fr.error);
          fr.readAsDataURL(f);
        });
        for (const requestId of r.requestIds) {
          await call('leave.addEvidence', {
            requestId,
            fileName: f.name,
            mimeType: f.type || 'application/octet-stream',
            base64,
          });
        }
      }
      setDone({ ids: r.requestIds, names: pupils.map((p) => p.name) });
      setPupils([]);
      setFiles([]);
      if (evidence.current) {
        evidence.current.value = '';
      }
      setJustAdded(null);
      reset();
      for (const c of LEAVE_INVALIDATES) {
        void qc.invalidateQueries({ queryKey: [c] });
      }
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  });

  const err = (k: keyof IntakeValues) => errors[k]?.message;
  return (
    <form
      className="card page"
      aria-label="New leave request"
      onSubmit={(e) => {
        void submit(e);
      }}
    >
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            Request saved for {done.names.join(' and ')}: it is waiting for the headteacher's decision.{' '}
            {done.ids.map((id, k) => (
              <a key={id} href={`#/leave/${id}`} style={{ marginLeft: 6 }}>
                Open {done.names[k]}'s request
              </a>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Title3 as="h2">Pupils</Title3>
      <Text>Brothers and sisters on the same request are added here, and decided one by one.</Text>
      {pupils.length > 0 && (
        <ul aria-label="Pupils on this request">
          {pupils.map((p) => (
            <li key={p.id} id={`leave-pupil-${p.id}`} tabIndex={-1}>
              {p.name}{' '}
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setPupils(pupils.filter((x) => x.id !== p.id))}
                aria-label={`Remove ${p.name}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PupilSearch onPick={(id) => void add(id)} exclude={pupils.map((p) => p.id)} />
      <Title3 as="h2">Who asked, and when</Title3>
      <div className="row">
        <Field label="Asked by" required validationMessage={err('requester')}>
          <Controller
            control={control}
            name="requester"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value)} disabled={!first}>
                <option value="">{first ? 'Choose…' : 'Add a pupil first'}</option>
                {first?.contacts.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                    {c.relationship ? ` (${c.relationship})` : ''}
                    {c.livesWith ? '' : ' – does not live with the pupil'}
                  </option>
                ))}
                <option value="other">Someone else…</option>
              </Select>
            )}
          />
        </Field>
        {requester === 'other' && (
          <Field label="Name of the person who asked" required validationMessage={err('otherName')}>
            <Controller
              control={control}
              name="otherName"
              render={({ field }) => <Input {...field} onChange={(_, d) => field.onChange(d.value)} />}
            />
          </Field>
        )}
        <Field label="How received">
          <Controller
            control={control}
            name="howReceived"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                {LEAVE_RECEIVED_VALUES.map((v) => (
                  <option key={v} value={v}>
                    {LEAVE_RECEIVED_LABELS[v]}
                  </option>
                ))}
              </Select>
            )}
          />
        </Field>
        <Field label="Date received" required validationMessage={err('dateReceived')}>
          <Controller
            control={control}
            name="dateReceived"
            render={({ field }) => (
              <DateInput value={field.value} onChange={(_, d) => field.onChange(d.value)} />
            )}
          />
        </Field>
      </div>
      {first && (requester === 'other' || (chosenContact && !chosenContact.livesWith)) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Not a parent the pupil lives with</MessageBarTitle>Leave can be granted only on a
            request from a parent the pupil normally lives with. The request is recorded, and the headteacher
            will see this warning.
          </MessageBarBody>
        </MessageBar>
      )}
      {chosenContact &&
        pupils
          .slice(1)
          .filter((p) => !contactFor(p))
          .map((p) => (
            <MessageBar key={p.id} intent="warning">
              <MessageBarBody>
                {chosenContact.name} is not a contact of {p.name}: that request will be recorded as from
                someone the pupil does not live with.
              </MessageBarBody>
            </MessageBar>
          ))}
      <Title3 as="h2">What is asked for</Title3>
      <div className="row">
        <Field label="First day" required validationMessage={err('fromDate')}>
          <Controller
            control={control}
            name="fromDate"
            render={({ field }) => (
              <DateInput value={field.value} onChange={(_, d) => field.onChange(d.value)} />
            )}
          />
        </Field>
        <Field label="From session">
          <Controller
            control={control}
            name="fromSession"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                <option value="AM">Morning (AM)</option>
                <option value="PM">Afternoon (PM)</option>
              </Select>
            )}
          />
        </Field>
        <Field label="Last day" required validationMessage={err('toDate')}>
          <Controller
            control={control}
            name="toDate"
            render={({ field }) => (
              <DateInput value={field.value} onChange={(_, d) => field.onChange(d.value)} />
            )}
          />
        </Field>
        <Field label="To session">
          <Controller
            control={control}
            name="toSession"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                <option value="AM">Morning (AM)</option>
                <option value="PM">Afternoon (PM)</option>
              </Select>
            )}
          />
        </Field>
        <Field label="Kind of leave">
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value as LeaveKind)}>
                {LEAVE_KINDS_OFFERED.map((k) => (
                  <option key={k} value={k}>
                    {LEAVE_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            )}
          />
        </Field>
      </div>
      {kind === 'religious_observance' && (
        <div className="row">
          <Field label="Observance" required validationMessage={err('observance')}>
            <Controller
              control={control}
              name="observance"
              render={({ field }) => <Input {...field} onChange={(_, d) => field.onChange(d.value)} />}
            />
          </Field>
          <Field
            label="Religious body that sets the day apart"
            required
            validationMessage={err('religiousBody')}
          >
            <Controller
              control={control}
              name="religiousBody"
              render={({ field }) => <Input {...field} onChange={(_, d) => field.onChange(d.value)} />}
            />
          </Field>
          <Field
            label="Days set apart (dd/mm/yyyy, commas between)"
            hint="Only these days are R; any other day asked for is leave at the head's discretion."
          >
            <Controller
              control={control}
              name="observanceDays"
              render={({ field }) => <Input {...field} onChange={(_, d) => field.onChange(d.value)} />}
            />
          </Field>
        </div>
      )}
      <Field label="The parent's reason" required validationMessage={err('reason')}>
        <Controller
          control={control}
          name="reason"
          render={({ field }) => (
            <Textarea {...field} onChange={(_, d) => field.onChange(d.value)} resize="vertical" />
          )}
        />
      </Field>
      <Field label="Notes (office)">
        <Controller
          control={control}
          name="notes"
          render={({ field }) => (
            <Textarea {...field} onChange={(_, d) => field.onChange(d.value)} resize="vertical" />
          )}
        />
      </Field>
      <Field label="Evidence (PDF, photo, Word or email; up to 10 MB each)">
        <input
          ref={evidence}
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,.heic,.doc,.docx,.eml,.txt"
          aria-label="Evidence files"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </Field>
      {files.length > 0 && <Text>{files.map((f) => f.name).join(', ')}</Text>}
      <ErrorBar error={error} title="The request was not saved" />
      <div className="row">
        <Button appearance="primary" type="submit" disabled={saving || pupils.length === 0}>
          {saving ? 'Saving…' : `Save request${pupils.length > 1 ? ` for ${pupils.length} pupils` : ''}`}
        </Button>
      </div>
    </form>
  );
}

// ---- one request: warnings, forecast, decision -----------------------------------------------------------------

function Forecast({ d, days }: { d: Detail; days: number | null }) {
  const f = d.forecast;
  const name = d.request.pupilName.split(' ')[0];
  const partFigure = days !== null ? f.byDaysGranted[days] : null;
  return (
    <section
      className="card"
      aria-labelledby="h-forecast"
      style={{ borderLeft: `6px solid ${f.reachesThreshold && d.compulsoryAge ? '#c50f1f' : '#0f6cbd'}` }}
    >
      <Text as="h2" id="h-forecast" weight="semibold" size={500}>
        Penalty-notice forecast
      </Text>
      {d.compulsoryAge ? (
        <>
          <p>
            <Text size={600} weight="bold">
              {f.ifTaken}
            </Text>{' '}
            <Text>
              unauthorised sessions in the rolling 10-school-week window if this is refused and taken anyway
              (threshold {f.threshold}; {f.now} now).
            </Text>
          </p>
          {f.reachesThreshold && (
            <MessageBar intent="error">
              <MessageBarBody>
                {f.now >= f.threshold
                  ? `${name} is already at or over the national threshold (${f.now} sessions in a window); taken anyway, this leave would add ${f.ifTaken - f.now}`
                  : `${name} would reach the national threshold${f.thresholdFirstMet ? ` on ${formatUkDate(f.thresholdFirstMet)}` : ''}`}
                : a penalty notice must then be considered.
              </MessageBarBody>
            </MessageBar>
          )}
          {partFigure !== null && (
            <p>
              If {days} day{days === 1 ? ' is' : 's are'} granted and the rest taken anyway:{' '}
              <strong>{partFigure}</strong>.
            </p>
          )}
        </>
      ) : (
        <p>
          {name} is not of compulsory school age: no penalty notice applies. (Window figure if taken anyway:{' '}
          {f.ifTaken}.)
        </p>
      )}
    </section>
  );
}

function DecisionPanel({
  d,
  revising,
  onDone,
}: {
  d: Detail;
  revising: Detail['decisions'][number] | null;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  // No outcome is chosen for the head: every decision is an explicit choice.
  const [outcome, setOutcome] = useState<'granted' | 'part' | 'refused' | ''>('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const leaveDays = d.forecast.byDaysGranted.length - 1;
  const n = Number(days);
  const daysOk = outcome !== 'part' || (Number.isInteger(n) && n >= 1 && n < leaveDays);
  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      if (!outcome) {
        return;
      }
      const input = { requestId: d.request.id, outcome, days: outcome === 'part' ? n : undefined, reason };
      if (revising) {
        await call('leave.revise', { ...input, supersedes: revising.id });
      } else {
        await call('leave.decide', input);
      }
      for (const c of LEAVE_INVALIDATES) {
        await qc.invalidateQueries({ queryKey: [c] });
      }
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card page" aria-labelledby="h-decide">
      <Text as="h2" id="h-decide" weight="semibold" size={500}>
        {revising ? 'Revise the decision' : 'Decide'}
      </Text>
      {revising && (
        <Text>
          The decision of {formatWhen(revising.decidedAt).slice(0, 10)} stays in the history; the new one
          cites it. Give the reason for the change.
        </Text>
      )}
      {!d.canGrant && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>This request can only be refused</MessageBarTitle>
            {d.cannotGrantBecause.join('; ')}.
          </MessageBarBody>
        </MessageBar>
      )}
      {leaveDays === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            Only days set apart by the religious body are asked for: they are recorded as R whatever the
            decision.
          </MessageBarBody>
        </MessageBar>
      )}
      <RadioGroup
        value={outcome}
        onChange={(_, v) => setOutcome(v.value as typeof outcome)}
        aria-label="Decision"
      >
        <Radio
          value="granted"
          label={`Grant all ${leaveDays} day${pluralS(leaveDays)}`}
          disabled={!d.canGrant || leaveDays === 0}
        />
        <Radio value="part" label="Grant some days" disabled={!d.canGrant || leaveDays < 2} />
        <Radio value="refused" label="Refuse" />
      </RadioGroup>
      {outcome === 'part' && (
        <Field
          label={`Number of school days granted (the first days asked for, 1 to ${leaveDays - 1})`}
          validationMessage={days && !daysOk ? `between 1 and ${leaveDays - 1}` : undefined}
        >
          <Input
            type="number"
            min={1}
            max={leaveDays - 1}
            value={days}
            onChange={(_, v) => setDays(v.value)}
            style={{ width: '6em' }}
          />
        </Field>
      )}
      {outcome === 'part' && daysOk && days && <Forecast d={d} days={n} />}
      <Field
        label={revising ? 'Reason for the change' : 'Reason for the decision'}
        required
        hint="It is quoted in the letter to the parent."
      >
        <Textarea value={reason} onChange={(_, v) => setReason(v.value)} resize="vertical" />
      </Field>
      <ErrorBar error={error} title="The decision was not saved" />
      <div className="row">
        <Button
          appearance="primary"
          disabled={busy || !outcome || !reason.trim() || !daysOk}
          onClick={() => void save()}
        >
          {revising ? 'Save revised decision' : 'Save decision'}
        </Button>
        {revising && <Button onClick={onDone}>Cancel</Button>}
      </div>
    </section>
  );
}

function RequestPage({ id }: { id: number }) {
  const q = useRpc('leave.get', { id });
  const letter = useRpcMutation('leave.decisionLetter', ['leave.get']);
  const qc = useQueryClient();
  const [letterError, setLetterError] = useState<unknown>(null);
  const [writing, setWriting] = useState(false);
  const [revising, setRevising] = useState(false);
  useEffect(() => setRevising(false), [id]);
  if (!q.data) {
    return (
      <div className="page">
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const d = q.data;
  const r = d.request;
  const current = d.decisions.find((x) => x.current) ?? null;
  // The letters engine writes the letter (the school's own template, logged on the pupil); follow its job, then download.
  const getLetter = async (decisionId: number) => {
    setLetterError(null);
    const j = await letter.mutateAsync({ decisionId });
    const end = await pollJob(j.jobId, () => undefined);
    if (end.status === 'failed') {
      throw new Error(end.error ?? 'The letter could not be made.');
    }
    for (const l of end.result?.letters ?? []) {
      if (l.logId) {
        const f = await call('letters.file', { logId: l.logId });
        downloadBase64(f.base64, f.fileName);
      }
    }
    await qc.invalidateQueries({ queryKey: ['leave.get'] });
  };
  return (
    <div className="page">
      <p>
        <a href="#/leave/queue">← Leave of absence</a>
      </p>
      <Title2 as="h1">Leave request: {r.pupilName}</Title2>
      <div className="row">
        <StatusBadge status={r.status} />
        <Text>
          {r.regGroup} · Year {r.yearGroup} · <a href={`#/pupils/${r.pupilId}`}>pupil page</a>
        </Text>
      </div>
      {d.siblings.length > 0 && (
        <Text>
          Same family request:{' '}
          {d.siblings.map((s, k) => (
            <span key={s.id}>
              {k > 0 && ', '}
              <a href={`#/leave/${s.id}`}>{s.pupilName}</a> ({STATUS_LABEL[s.status].toLowerCase()})
            </span>
          ))}
        </Text>
      )}
      <section className="card" aria-labelledby="h-warnings">
        <Text as="h2" id="h-warnings" weight="semibold" size={500}>
          Warnings
        </Text>
        {d.warnings.length === 0 && <Text>None.</Text>}
        {d.warnings.map((w, k) => (
          <MessageBar
            key={k}
            intent={
              w.kind === 'penalty' || w.kind === 'not_lives_with' || w.kind === 'not_in_advance'
                ? 'warning'
                : 'info'
            }
            style={{ marginTop: 4 }}
          >
            <MessageBarBody>{w.message}</MessageBarBody>
          </MessageBar>
        ))}
      </section>
      <section className="card grid2" aria-label="Request details">
        <div>
          <Text weight="semibold">Dates asked for</Text>
          <br />
          {range(r)} ({r.days} school day{pluralS(r.days)}, {r.sessions} sessions)
        </div>
        <div>
          <Text weight="semibold">Kind</Text>
          <br />
          {LEAVE_KIND_LABELS[r.kind]}
        </div>
        <div>
          <Text weight="semibold">Asked by</Text>
          <br />
          {r.requesterName}
          {r.requesterRelationship ? ` (${r.requesterRelationship})` : ''}
          {r.requesterLivesWith ? ', lives with the pupil' : ', not recorded as living with the pupil'}
        </div>
        <div>
          <Text weight="semibold">Received</Text>
          <br />
          {formatUkDate(r.dateReceived)} by {LEAVE_RECEIVED_LABELS[r.howReceived].toLowerCase()}, entered by{' '}
          {r.createdBy}
        </div>
        <div>
          <Text weight="semibold">The parent's reason</Text>
          <br />
          {r.reason}
        </div>
        <div>
          <Text weight="semibold">Notes</Text>
          <br />
          {r.notes ?? '–'}
        </div>
        {r.kind === 'religious_observance' && (
          <div>
            <Text weight="semibold">Observance</Text>
            <br />
            {r.observance} ({r.religiousBody}):{' '}
            {r.observanceDays.map(formatUkDate).join(', ') || 'no day recorded'}
          </div>
        )}
        <div>
          <Text weight="semibold">This school year so far</Text>
          <br />
          Attendance {formatPct1(d.figures.attendancePct)} ({d.figures.possible} sessions possible),{' '}
          {d.figures.unauthorised} unauthorised
          {d.figures.band ? `; ${BAND_LABELS[d.figures.band].inSentence}` : ''}. Compulsory school age:{' '}
          {d.compulsoryAge ? 'yes' : 'no'}.
        </div>
      </section>
      <Forecast d={d} days={null} />
      {d.mayDecide && !current && (
        <DecisionPanel key="decide" d={d} revising={null} onDone={() => undefined} />
      )}
      {d.mayDecide && current && !revising && (
        <div className="row">
          <Button onClick={() => setRevising(true)}>Revise the decision…</Button>
        </div>
      )}
      {d.mayDecide && current && revising && (
        <DecisionPanel
          key={`revise-${current.id}`}
          d={d}
          revising={current}
          onDone={() => setRevising(false)}
        />
      )}
      {!d.mayDecide && !current && (
        <MessageBar intent="info">
          <MessageBarBody>
            Waiting for the headteacher (or a person the headteacher has authorised) to decide.
          </MessageBarBody>
        </MessageBar>
      )}
      <section className="card" aria-labelledby="h-sessions">
        <Text as="h2" id="h-sessions" weight="semibold" size={500}>
          Sessions asked for
        </Text>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of sessions asked for">
          <table className="plain" aria-label="Sessions asked for">
            <thead>
              <tr>
                <th>Date</th>
                <th>Session</th>
                <th>Code if granted</th>
                <th>Granted now</th>
                <th>Register mark</th>
              </tr>
            </thead>
            <tbody>
              {d.requested.map((s) => {
                const g = current?.sessions.some((x) => x.date === s.date && x.session === s.session);
                return (
                  <tr key={s.date + s.session}>
                    <td>{formatUkDate(s.date)}</td>
                    <td>{s.session}</td>
                    <td>{s.code}</td>
                    <td>{current ? (g ? 'yes' : 'no') : '–'}</td>
                    <td>{s.mark ?? '·'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="h-evidence">
        <Text as="h2" id="h-evidence" weight="semibold" size={500}>
          Evidence
        </Text>
        {d.evidence.length === 0 ? (
          <Text>No file.</Text>
        ) : (
          <ul>
            {d.evidence.map((e) => (
              <li key={e.id}>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() =>
                    void call('leave.evidence', { id: e.id }).then((x) =>
                      downloadBase64(x.base64, x.fileName, x.mimeType),
                    )
                  }
                >
                  {e.fileName}
                </Button>{' '}
                ({Math.ceil(e.size / 1024)} KB, added by {e.addedBy} on {formatWhen(e.addedAt).slice(0, 10)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="h-decisions">
        <Text as="h2" id="h-decisions" weight="semibold" size={500}>
          Decisions
        </Text>
        {d.decisions.length === 0 && <Text>Not decided yet.</Text>}
        {d.decisions.length > 0 && (
          <ol aria-label="Decision history">
            {d.decisions.map((x) => (
              <li key={x.id} style={{ marginBottom: 8 }}>
                <Text weight="semibold">{STATUS_LABEL[x.outcome]}</Text>
                {x.outcome !== 'refused'
                  ? `: ${x.daysGranted} day${pluralS(x.daysGranted)}, ${x.sessionsGranted} sessions as ${x.code ?? '–'}`
                  : ''}{' '}
                by {x.deciderName}, {x.deciderPosition}, on {formatWhen(x.decidedAt)}
                {x.supersedes ? ` (revises decision ${x.supersedes})` : ''}
                {x.current ? '' : ' – superseded'}.
                <br />
                Reason: {x.reason}
                <br />
                {x.letters.length
                  ? `Letter produced ${x.letters.map((l) => `${formatWhen(l.generatedAt).slice(0, 10)} by ${l.generatedBy}`).join('; ')}. `
                  : ''}
                <Button
                  size="small"
                  onClick={() => {
                    setWriting(true);
                    void getLetter(x.id)
                      .catch(setLetterError)
                      .finally(() => setWriting(false));
                  }}
                  disabled={writing}
                >
                  Decision letter (.docx)
                </Button>
              </li>
            ))}
          </ol>
        )}
        {writing && <ProgressBar aria-label="Writing the decision letter" />}
        <ErrorBar error={letterError} title="The letter was not produced" />
      </section>
      {current && current.outcome !== 'granted' && <GProposals requestId={id} />}
    </div>
  );
}

/** The Leave section of the pupil page: every request with its status and a way in. */
export function PupilLeave({ pupilId }: { pupilId: number }) {
  const q = useRpc('leave.list', { pupilId });
  return (
    <section className="card" aria-labelledby="h-leave">
      <Text as="h2" id="h-leave" weight="semibold" size={500}>
        Leave of absence
      </Text>
      <ErrorBar error={q.error} />
      {q.data && q.data.requests.length === 0 && <Text>No leave request.</Text>}
      {q.data && q.data.requests.length > 0 && (
        <table className="plain" aria-label="Leave requests">
          <thead>
            <tr>
              <th>Dates</th>
              <th>Kind</th>
              <th>Received</th>
              <th>Status</th>
              <th>Decided</th>
              <th>Letters</th>
            </tr>
          </thead>
          <tbody>
            {q.data.requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`#/leave/${r.id}`}>{range(r)}</a>
                </td>
                <td>{LEAVE_KIND_LABELS[r.kind]}</td>
                <td>{formatUkDate(r.dateReceived)}</td>
                <td>
                  <StatusBadge status={r.status} />
                  {r.status === 'part' ? ` (${r.daysGranted} of ${r.days} days)` : ''}
                </td>
                <td>{r.decidedAt ? `${formatWhen(r.decidedAt).slice(0, 10)} by ${r.decidedBy}` : '–'}</td>
                <td>{r.lettersProduced || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="#/leave/new">New leave request</a>
      </p>
    </section>
  );
}
