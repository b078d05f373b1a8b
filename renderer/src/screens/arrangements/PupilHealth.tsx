// The pupil page's health and SEND card (docs/rules/arrangements.md, "Health and SEND"): the professionals around
// the pupil and the notices sent to them (everyone on the staff); the healthcare plan, the EHC plan review, the
// adjustments agreed and the sickness return (the core sends these to the lead and the head only).
import { useState } from 'react';
import { useForm, Controller } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import {
  PROFESSIONAL_KINDS,
  PROFESSIONAL_LABELS,
  SICKNESS_RETURN_SESSIONS,
  type ProfessionalKind,
} from '../../../../shared/channels/arrangements-health';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { HealthDetails } from './HealthDetails';
import { FormSelect } from '../../components/FormSelect';

type Data = Output<'arrangements.health'>;
const INVALIDATE = ['arrangements.health', 'arrangements.prompts', 'arrangements.healthDue'] as const;

const ProSchema = z.object({
  kind: z.enum(PROFESSIONAL_KINDS),
  name: z.string().trim().min(1, 'name the person or the service'),
  organisation: z.string().trim(),
  phone: z.string().trim(),
  email: z.string().trim(),
});
type Pro = z.infer<typeof ProSchema>;

function ProfessionalForm({ pupilId }: { pupilId: number }) {
  const save = useRpcMutation('arrangements.professionalSave', [...INVALIDATE]);
  const f = useForm<Pro>({
    resolver: zodResolver(ProSchema),
    defaultValues: { kind: 'social_worker', name: '', organisation: '', phone: '', email: '' },
  });
  const submit = f.handleSubmit((v) =>
    save.mutate(
      { pupilId, ...v },
      { onSuccess: () => f.reset({ ...v, name: '', organisation: '', phone: '', email: '' }) },
    ),
  );
  const text = (name: 'name' | 'organisation' | 'phone' | 'email', label: string) => (
    <Field label={label} required={name === 'name'} validationMessage={f.formState.errors[name]?.message}>
      <Controller
        control={f.control}
        name={name}
        render={({ field }) => <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />}
      />
    </Field>
  );
  return (
    <form noValidate className="row" aria-label="Record a professional" onSubmit={(e) => void submit(e)}>
      <FormSelect
        control={f.control}
        name="kind"
        label="Who"
        options={PROFESSIONAL_KINDS}
        labels={PROFESSIONAL_LABELS}
      />
      {text('name', 'Name')}
      {text('organisation', 'Team or service')}
      {text('phone', 'Phone')}
      {text('email', 'Email')}
      <Button type="submit" disabled={save.isPending}>
        Save
      </Button>
      <ErrorBar error={save.error} />
    </form>
  );
}

function ProfessionalList({
  items,
  onEnd,
}: {
  items: Data['professionals'];
  onEnd: (kind: ProfessionalKind) => void;
}) {
  if (items.length === 0) {
    return <Text>No social worker, youth offending worker or virtual school recorded.</Text>;
  }
  return (
    <ul aria-label="Professionals">
      {items.map((p) => (
        <li key={p.kind}>
          {PROFESSIONAL_LABELS[p.kind]}: {p.name}
          {[p.organisation, p.phone, p.email].filter(Boolean).map((x) => `, ${x}`)}{' '}
          <Button size="small" appearance="subtle" onClick={() => onEnd(p.kind)}>
            No longer involved
          </Button>
        </li>
      ))}
    </ul>
  );
}

function NoticesSent({ notices }: { notices: Data['notices'] }) {
  return (
    <ul aria-label="Notices sent">
      {notices.map((n, k) => (
        <li key={k}>
          {formatUkDate(n.date)}: {PROFESSIONAL_LABELS[n.kind]} told ({n.how}
          {n.note ? `: ${n.note}` : ''}) by {n.by}
        </li>
      ))}
      {notices.length === 0 && <li>None yet.</li>}
    </ul>
  );
}

interface NoticeFormProps {
  kind: ProfessionalKind;
  setKind: (kind: ProfessionalKind) => void;
  how: string;
  setHow: (how: string) => void;
  pending: boolean;
  onRecord: () => void;
}

/** Who was told today and how. */
function NoticeForm({ kind, setKind, how, setHow, pending, onRecord }: NoticeFormProps) {
  return (
    <div className="row">
      <Field label="Told today">
        <Select value={kind} onChange={(_, d) => setKind(d.value as ProfessionalKind)}>
          {PROFESSIONAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {PROFESSIONAL_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="How they were told">
        <Input value={how} onChange={(_, d) => setHow(d.value)} />
      </Field>
      <Button disabled={!how.trim() || pending} onClick={onRecord}>
        Record the notice
      </Button>
    </div>
  );
}

function Professionals({ pupilId, data, today }: { pupilId: number; data: Data; today: string }) {
  const end = useRpcMutation('arrangements.professionalSave', [...INVALIDATE]);
  const notice = useRpcMutation('arrangements.professionalNotice', [...INVALIDATE]);
  const [kind, setKind] = useState<ProfessionalKind>('social_worker');
  const [how, setHow] = useState('');
  return (
    <>
      <Text as="h3" weight="semibold">
        Professionals
      </Text>
      <ProfessionalList
        items={data.professionals}
        onEnd={(k) => end.mutate({ pupilId, kind: k, name: null })}
      />
      <ProfessionalForm pupilId={pupilId} />
      <Text as="h3" weight="semibold">
        Notices sent
      </Text>
      <NoticesSent notices={data.notices} />
      <NoticeForm
        kind={kind}
        setKind={setKind}
        how={how}
        setHow={setHow}
        pending={notice.isPending}
        onRecord={() => notice.mutate({ pupilId, kind, date: today, how }, { onSuccess: () => setHow('') })}
      />
      <ErrorBar error={end.error ?? notice.error} />
    </>
  );
}

export function PupilHealth({ pupilId, today, sen }: { pupilId: number; today: string; sen: string }) {
  const q = useRpc('arrangements.health', { pupilId });
  return (
    <section className="card" aria-labelledby="h-health">
      <Text as="h2" id="h-health" weight="semibold" size={500}>
        Health, SEND and professionals
      </Text>
      <ErrorBar error={q.error} />
      {q.data && <Professionals pupilId={pupilId} data={q.data} today={today} />}
      {q.data?.health && (
        <HealthDetails pupilId={pupilId} health={q.data.health} today={today} ehcp={sen === 'E'} />
      )}
      {q.data && !q.data.health && (
        <Text className="muted">
          Health details (plans, adjustments, the sickness return at {SICKNESS_RETURN_SESSIONS} sessions) are
          shown to the attendance lead and the head.
        </Text>
      )}
    </section>
  );
}
