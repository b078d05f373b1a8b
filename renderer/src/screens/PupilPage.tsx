// The pupil page: admission-register details, cohort flags, contacts, leaving with a deletion ground, returns to
// the local authority, and the year's marks by day.
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import {
  DELETION_GROUNDS,
  FLAG_LABELS,
  SEN_LABELS,
  SEXES,
  YEAR_GROUPS,
  type Contact,
  type Pupil,
} from '../../../shared/pupil';
import { addDays, formatUkDate } from '../../../shared/dates';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { RpcFailure } from '../rpc';
import { DateInput } from '../components/DateInput';
import { PupilFigures } from '../components/PupilFigures';
import { YearMarks } from '../components/YearMarks';
import { PupilLeave } from './leave/PupilLeave';
import { formatWhen } from '../auth/when';
import { PupilLetters } from '../components/PupilLetters';
import { PupilCasework } from './casework/PupilCasework';
import { pupilName } from '../../../shared/names';
import { useCmeForDeletion } from './arrangements/CmeForDeletion';
import { PupilHealth } from './arrangements/PupilHealth';

type Flag = 'fsm' | 'cla' | 'socialWorker' | 'eal' | 'youngCarer' | 'boarder';
type Details = Pick<
  Pupil,
  'surname' | 'forename' | 'preferredForename' | 'dob' | 'sex' | 'yearGroup' | 'regGroup' | 'admissionDate'
>;

/** Corrects the admission-register details; the core records each change with who made it. */
function DetailsDialog({ pupil }: { pupil: Pupil }) {
  const m = useRpcMutation('pupils.update', ['pupils.get', 'pupils.list']);
  const initial: Details = {
    surname: pupil.surname,
    forename: pupil.forename,
    preferredForename: pupil.preferredForename,
    dob: pupil.dob,
    sex: pupil.sex,
    yearGroup: pupil.yearGroup,
    regGroup: pupil.regGroup,
    admissionDate: pupil.admissionDate,
  };
  const [v, setV] = useState<Details>(initial);
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const set = (patch: Partial<Details>) => setV({ ...v, ...patch });
  const issue = (path: string) =>
    m.error instanceof RpcFailure
      ? m.error.error.issues?.find((i) => i.path?.endsWith(path))?.message
      : undefined;
  const save = async () => {
    const changes = Object.fromEntries(
      Object.entries(v).filter(([k, x]) => x !== initial[k as keyof Details]),
    );
    if (Object.keys(changes).length > 0) {
      await m.mutateAsync({ id: pupil.id, changes });
    }
    setOpen(false);
  };
  return (
    <>
      <Button
        ref={opener}
        onClick={() => {
          setV(initial);
          m.reset();
          setOpen(true);
        }}
      >
        Edit details…
      </Button>
      {open && (
        <Dialog open onOpenChange={(_, d) => setOpen(d.open)}>
          <DialogSurface aria-label="Edit details">
            <DialogBody>
              <DialogTitle>
                Edit {pupil.forename} {pupil.surname}'s details
              </DialogTitle>
              <DialogContent className="grid2">
                <Field label="Surname" required validationMessage={issue('surname')}>
                  <Input value={v.surname} onChange={(_, d) => set({ surname: d.value })} />
                </Field>
                <Field label="Forename" required validationMessage={issue('forename')}>
                  <Input value={v.forename} onChange={(_, d) => set({ forename: d.value })} />
                </Field>
                <Field label="Preferred forename" validationMessage={issue('preferredForename')}>
                  <Input
                    value={v.preferredForename ?? ''}
                    onChange={(_, d) => set({ preferredForename: d.value || null })}
                  />
                </Field>
                <Field label="Date of birth" required validationMessage={issue('dob')}>
                  <DateInput value={v.dob} onChange={(_, d) => set({ dob: d.value })} />
                </Field>
                <Field label="Sex">
                  <Select value={v.sex} onChange={(_, d) => set({ sex: d.value as Details['sex'] })}>
                    {SEXES.map((x) => (
                      <option key={x} value={x}>
                        {x === 'M' ? 'Male' : 'Female'}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Year group">
                  <Select
                    value={v.yearGroup}
                    onChange={(_, d) => set({ yearGroup: d.value as Details['yearGroup'] })}
                  >
                    {YEAR_GROUPS.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Registration group" required validationMessage={issue('regGroup')}>
                  <Input value={v.regGroup} onChange={(_, d) => set({ regGroup: d.value })} />
                </Field>
                <Field
                  label="Starting day (admission date)"
                  required
                  validationMessage={issue('admissionDate')}
                >
                  <DateInput value={v.admissionDate} onChange={(_, d) => set({ admissionDate: d.value })} />
                </Field>
              </DialogContent>
              <ErrorBar error={m.error} title="The details were not saved" />
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancel</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  disabled={m.isPending || !v.dob || !v.admissionDate}
                  onClick={() => void save().catch(() => undefined)}
                >
                  Save details
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}

function LeavingDialog({ id, today }: { id: number; today: string }) {
  const m = useRpcMutation('pupils.recordLeaving', ['pupils.get', 'pupils.list']);
  const [date, setDate] = useState(today);
  const [ground, setGround] = useState<string>(DELETION_GROUNDS[0].code);
  const [by, setBy] = useState('');
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const cme = useCmeForDeletion(id, ground);
  return (
    <>
      <Button ref={opener} onClick={() => setOpen(true)}>
        Record leaving…
      </Button>
      {open && (
        <Dialog open onOpenChange={(_, d) => setOpen(d.open)}>
          <DialogSurface aria-label="Record leaving">
            <DialogBody>
              <DialogTitle>Record leaving the admission register</DialogTitle>
              <DialogContent className="page">
                <Text>
                  The app never removes a pupil by itself. A name is deleted only on a ground of regulation 9,
                  confirmed by a named person; marks and history stay for the retention period. Tell the
                  pupil's social worker first if they have one.
                </Text>
                <Field label="Last day on roll">
                  <DateInput value={date} onChange={(_, d) => setDate(d.value)} />
                </Field>
                <Field label="Deletion ground">
                  <Select value={ground} onChange={(_, d) => setGround(d.value)}>
                    {DELETION_GROUNDS.map((g) => (
                      <option key={g.code} value={g.code}>
                        {g.code}: {g.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                {cme.node}
                <Field label="Confirmed by (name)" required>
                  <Input value={by} onChange={(_, d) => setBy(d.value)} />
                </Field>
                <ErrorBar error={m.error} />
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancel</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  disabled={!by.trim() || !date || m.isPending || cme.blocked}
                  onClick={async () => {
                    await m.mutateAsync({ id, leavingDate: date, ground, confirmedBy: by });
                    setOpen(false);
                  }}
                >
                  Record leaving
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}

function Contacts({ pupilId, contacts }: { pupilId: number; contacts: Contact[] }) {
  const [rows, setRows] = useState<Contact[]>(contacts);
  const save = useRpcMutation('pupils.saveContacts', ['pupils.get']);
  const set = (i: number, patch: Partial<Contact>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <section className="card" aria-labelledby="h-contacts">
      <Text as="h2" id="h-contacts" weight="semibold" size={500}>
        Contacts
      </Text>
      <div className="table-scroll" tabIndex={0}>
        <table className="plain" aria-label="Contacts">
          <thead>
            <tr>
              <th>Name</th>
              <th>Relationship</th>
              <th>Phone</th>
              <th>Email</th>
              <th className="narrow">Lives with</th>
              <th className="narrow">
                Parental
                <br />
                responsibility
              </th>
              <th className="narrow">Emergency</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={i}>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} name`}
                    value={c.name}
                    onChange={(_, d) => set(i, { name: d.value })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} relationship`}
                    value={c.relationship ?? ''}
                    onChange={(_, d) => set(i, { relationship: d.value || null })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} phone`}
                    value={c.phone ?? ''}
                    onChange={(_, d) => set(i, { phone: d.value || null })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} email`}
                    value={c.email ?? ''}
                    onChange={(_, d) => set(i, { email: d.value || null })}
                  />
                </td>
                <td className="narrow">
                  <Checkbox
                    aria-label={`Contact ${i + 1} lives with the pupil`}
                    checked={c.livesWith}
                    onChange={(_, d) => set(i, { livesWith: !!d.checked })}
                  />
                </td>
                <td className="narrow">
                  <Checkbox
                    aria-label={`Contact ${i + 1} has parental responsibility`}
                    checked={c.parentalResponsibility}
                    onChange={(_, d) => set(i, { parentalResponsibility: !!d.checked })}
                  />
                </td>
                <td className="narrow">
                  <Checkbox
                    aria-label={`Contact ${i + 1} is an emergency contact`}
                    checked={c.emergency}
                    onChange={(_, d) => set(i, { emergency: !!d.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <Button
          onClick={() =>
            setRows([
              ...rows,
              {
                name: '',
                relationship: null,
                phone: null,
                email: null,
                address: null,
                livesWith: false,
                parentalResponsibility: false,
                emergency: false,
              },
            ])
          }
        >
          Add contact
        </Button>
        <Button
          appearance="primary"
          disabled={save.isPending || rows.some((r) => !r.name.trim())}
          onClick={() => save.mutate({ pupilId, contacts: rows })}
        >
          Save contacts
        </Button>
        {save.isSuccess && <Text>Saved.</Text>}
      </div>
      <ErrorBar error={save.error} />
    </section>
  );
}

function History({ upn }: { upn: string }) {
  const q = useRpc('marks.history', { upn });
  return (
    <section className="card" aria-labelledby="h-history" id="history" tabIndex={-1}>
      <Text as="h2" id="h-history" weight="semibold" size={500}>
        Amendment history
      </Text>
      <ErrorBar error={q.error} />
      {q.data && q.data.amendments.length === 0 && <Text>No mark of this pupil has been amended.</Text>}
      {q.data && q.data.amendments.length > 0 && (
        <table className="plain" aria-label="Amendments">
          <thead>
            <tr>
              <th>Session</th>
              <th>Was</th>
              <th>Now</th>
              <th>Reason</th>
              <th>By</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {q.data.amendments.map((a, i) => (
              <tr key={i}>
                <td>
                  {formatUkDate(a.date)} {a.session}
                </td>
                <td>
                  {a.oldCode}
                  {a.oldMinutesLate ? ` (${a.oldMinutesLate} min)` : ''}
                </td>
                <td>
                  {a.newCode}
                  {a.newMinutesLate ? ` (${a.newMinutesLate} min)` : ''}
                </td>
                <td>{a.reason}</td>
                <td>
                  {a.changedBy}, {a.position}
                </td>
                <td>{formatWhen(a.changedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function PupilPage({ id, today }: { id: number; today: string }) {
  const q = useRpc('pupils.get', { id });
  const update = useRpcMutation('pupils.update', ['pupils.get', 'pupils.list']);
  const ret = useRpcMutation('pupils.recordReturn', ['pupils.get']);
  if (!q.data) {
    return (
      <div className="page">
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const { pupil: p, contacts, returns, newPupilReturnDue } = q.data;
  return (
    <div className="page">
      <Title2 as="h1">{pupilName(p)}</Title2>
      <section className="card grid2" aria-label="Details">
        <div>
          <Text weight="semibold">UPN</Text>
          <br />
          {p.upn}
        </div>
        <div>
          <Text weight="semibold">Date of birth</Text>
          <br />
          {formatUkDate(p.dob)}
        </div>
        <div>
          <Text weight="semibold">Sex</Text>
          <br />
          {p.sex}
        </div>
        <div>
          <Text weight="semibold">Year and group</Text>
          <br />
          Year {p.yearGroup}, {p.regGroup}
        </div>
        <div>
          <Text weight="semibold">Starting day</Text>
          <br />
          {formatUkDate(p.admissionDate)}
        </div>
        <div>
          <Text weight="semibold">Leaving</Text>
          <br />
          {p.leavingDate
            ? `${formatUkDate(p.leavingDate)} (${p.deletionGround ?? 'ground not recorded'})`
            : 'On roll'}
        </div>
        <div>
          <Text weight="semibold">SEN</Text>
          <br />
          {SEN_LABELS[p.sen]}
        </div>
        <div>
          <DetailsDialog pupil={p} />
        </div>
      </section>
      <section className="card" aria-labelledby="h-flags">
        <Text as="h2" id="h-flags" weight="semibold" size={500}>
          Cohort flags
        </Text>
        <div className="row">
          {(Object.keys(FLAG_LABELS) as Flag[]).map((f) => (
            <Checkbox
              key={f}
              label={FLAG_LABELS[f]}
              checked={p[f]}
              onChange={(_, d) => update.mutate({ id, changes: { [f]: !!d.checked } })}
            />
          ))}
          <Field label="SEN">
            <Select
              value={p.sen}
              onChange={(_, d) => update.mutate({ id, changes: { sen: d.value as 'N' | 'K' | 'E' } })}
            >
              {(['N', 'K', 'E'] as const).map((s) => (
                <option key={s} value={s}>
                  {SEN_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <ErrorBar error={update.error} />
      </section>
      <Contacts key={JSON.stringify(contacts)} pupilId={id} contacts={contacts} />
      <section className="card" aria-labelledby="h-returns">
        <Text as="h2" id="h-returns" weight="semibold" size={500}>
          Admission register and returns to the local authority
        </Text>
        {newPupilReturnDue && (
          <MessageBar intent={newPupilReturnDue < today ? 'warning' : 'info'}>
            <MessageBarBody>
              New-pupil return due by {formatUkDate(newPupilReturnDue)} (the 5th day after the name was
              entered).
              <Button
                size="small"
                style={{ marginLeft: 8 }}
                onClick={() =>
                  ret.mutate({ pupilId: id, kind: 'new_pupil', sentAt: today, method: 'LA portal' })
                }
              >
                Record as sent today
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
        <ul aria-label="Returns">
          {returns.map((r) => (
            <li key={r.id}>
              {r.kind.replace('_', ' ')}:{' '}
              {r.sentAt
                ? `sent ${formatUkDate(r.sentAt)} by ${r.sentBy} (${r.method})`
                : `due ${formatUkDate(r.due ?? addDays(today, 0))}, not sent`}
            </li>
          ))}
        </ul>
        {!p.leavingDate && <LeavingDialog id={id} today={today} />}
        <ErrorBar error={ret.error} />
      </section>
      <p>
        <Link
          as="button"
          onClick={() => {
            const el = document.getElementById('history');
            el?.scrollIntoView();
            el?.focus();
          }}
        >
          Amendment history
        </Link>
      </p>
      <PupilFigures pupilId={id} today={today} />
      <PupilLeave pupilId={id} />
      <PupilLetters pupilId={id} today={today} />
      <PupilCasework pupilId={id} today={today} />
      <PupilHealth pupilId={id} today={today} sen={p.sen} />
      <YearMarks pupilId={id} today={today} admissionDate={p.admissionDate} />
      <History upn={p.upn} />
    </div>
  );
}

/** The button that opened a dialog gets the focus back when it closes (the dialog is mounted only while open:
 * a closed Fluent Dialog still puts hidden focus guards around the page, docs/ux.md). */
function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      opener.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);
  return opener;
}
