// The pupil page: admission-register details, cohort flags, contacts, leaving with a deletion ground, returns to
// the local authority, and the year's marks by day. Each
// dialog and section is beside this file.
import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { FLAG_LABELS, SEN_LABELS } from '../../../../shared/pupil';
import { addDays, formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { PupilFigures } from '../../components/PupilFigures';
import { YearMarks } from '../../components/YearMarks';
import { PupilLeave } from '../leave/PupilLeave';
import { PupilLetters } from '../../components/PupilLetters';
import { PupilCasework } from '../casework/PupilCasework';
import { pupilName } from '../../../../shared/names';
import { PupilHealth } from '../arrangements/PupilHealth';

import { DetailsDialog } from './DetailsDialog';
import { LeavingDialog } from './LeavingDialog';
import { Contacts } from './Contacts';
import { History } from './History';

type Flag = 'fsm' | 'cla' | 'socialWorker' | 'eal' | 'youngCarer' | 'boarder';

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
