// A new leave request: one form for a family of siblings, the parent who asked, the dates and the reason.
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Title3,
} from '@fluentui/react-components';
import {
  LEAVE_KIND_LABELS,
  LEAVE_KIND_VALUES,
  LEAVE_KINDS_OFFERED,
  LEAVE_RECEIVED_LABELS,
  LEAVE_RECEIVED_VALUES,
} from '../../../../shared/channels/leave';
import type { Output } from '../../../../shared/contract';
import { parseInputDate } from '../../../../shared/dates';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { useQueryClient } from '@tanstack/react-query';
import { pupilName } from '../../../../shared/names';
import { PupilSearch } from '../../components/PupilSearch';
import { LEAVE_INVALIDATES } from './common';
import { FormDate } from '../../components/FormDate';
import { FormSession } from '../../components/FormSession';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';

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

export function Intake({ today }: { today: string }) {
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
      <PupilSearch
        label="Find a pupil (name or UPN)"
        action="Add"
        onPick={(id) => void add(id)}
        exclude={pupils.map((p) => p.id)}
        clearOnPick
      />
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
          <FormText
            control={control}
            name="otherName"
            label="Name of the person who asked"
            required
            validationMessage={err('otherName')}
          />
        )}
        <FormSelect
          control={control}
          name="howReceived"
          label="How received"
          options={LEAVE_RECEIVED_VALUES}
          labels={LEAVE_RECEIVED_LABELS}
        />
        <FormDate
          control={control}
          name="dateReceived"
          label="Date received"
          required
          validationMessage={err('dateReceived')}
        />
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
        <FormDate
          control={control}
          name="fromDate"
          label="First day"
          required
          validationMessage={err('fromDate')}
        />
        <FormSession control={control} name="fromSession" label="From session" />
        <FormDate
          control={control}
          name="toDate"
          label="Last day"
          required
          validationMessage={err('toDate')}
        />
        <FormSession control={control} name="toSession" label="To session" />
        <FormSelect
          control={control}
          name="kind"
          label="Kind of leave"
          options={LEAVE_KINDS_OFFERED}
          labels={LEAVE_KIND_LABELS}
        />
      </div>
      {kind === 'religious_observance' && (
        <div className="row">
          <FormText
            control={control}
            name="observance"
            label="Observance"
            required
            validationMessage={err('observance')}
          />
          <FormText
            control={control}
            name="religiousBody"
            label="Religious body that sets the day apart"
            required
            validationMessage={err('religiousBody')}
          />
          <FormText
            control={control}
            name="observanceDays"
            label="Days set apart (dd/mm/yyyy, commas between)"
            hint="Only these days are R; any other day asked for is leave at the head's discretion."
          />
        </div>
      )}
      <FormText
        control={control}
        name="reason"
        label="The parent's reason"
        required
        validationMessage={err('reason')}
        multiline="vertical"
      />
      <FormText control={control} name="notes" label="Notes (office)" multiline="vertical" />
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
