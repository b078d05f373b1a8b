// Statutory follow-up (docs/rules/register-law.md §8–9): pupils for the attendance return and
// children-missing-education checks (10 school days of continuous unauthorised absence), deletion ground
// 9(1)(i) to review with the LA (20 school days of G/N/O only: never an automatic deletion), sickness returns
// (30 illness sessions this school year) and N marks not replaced within 5 school days.
import { useState, type ReactNode } from 'react';
import { Button, Field, ProgressBar, Text, Title2 } from '@fluentui/react-components';
import { formatUkDate } from '../../../shared/dates';
import type { Input } from '../../../shared/contract';
import { useRpc, useRpcMutation } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { downloadText } from '../download';

type ListName = Extract<
  Input<'figures.exportCsv'>,
  { list: 'continuous' | 'deletion' | 'sickness' | 'overdueN' }
>['list'];

export function Statutory({ today }: { today: string }) {
  const [asOf, setAsOf] = useState(today);
  const q = useRpc('figures.statutoryLists', { asOf }, { enabled: !!asOf });
  const [err, setErr] = useState<unknown>(null);
  const exportCsv = async (list: ListName) => {
    try {
      const r = await call('figures.exportCsv', { list, asOf });
      downloadText(r.filename, r.csv);
    } catch (e) {
      setErr(e);
    }
  };
  const d = q.data;
  return (
    <div className="page">
      <Title2 as="h1">Statutory follow-up</Title2>
      <div className="row">
        <Field label="As of">
          <DateInput value={asOf} onChange={(_, v) => v.value && setAsOf(v.value)} />
        </Field>
        {d && <Text className="muted">School year from {formatUkDate(d.yearFrom)}</Text>}
      </div>
      {q.isFetching && <ProgressBar aria-label="Checking the registers" />}
      <ErrorBar error={q.error ?? err} />
      {d && (
        <>
          <StatutoryList
            id="h-cont"
            title="Continuous unauthorised absence of 10 school days or more"
            label="Continuous unauthorised absence"
            onExport={() => void exportCsv('continuous')}
            intro={
              <>
                These pupils go on the next attendance return to the local authority, and the
                children-missing-education checks start: first-day contact, a home visit, enquiries of
                siblings' schools, the social worker if there is one, referral to the LA.
              </>
            }
            empty="No pupil has 10 school days of unauthorised absence in a row."
            rows={d.continuous}
            columns={[
              ...RUN_COLUMNS('Sessions in a row'),
              {
                head: 'Attendance return sent',
                cell: (r) =>
                  r.attendanceReturnSent ? (
                    formatUkDate(r.attendanceReturnSent.slice(0, 10))
                  ) : (
                    <RecordReturn pupilId={r.pupilId} name={r.name} kind="attendance" today={today} />
                  ),
              },
            ]}
          />
          <StatutoryList
            id="h-del"
            title="Deletion ground 9(1)(i) to review: 20 school days of G, N or O"
            label="Deletion ground to review"
            onExport={() => void exportCsv('deletion')}
            intro={
              <>
                The ground applies only when there is no reason to think the absence is through illness or
                unavoidable cause and the school and the local authority, enquiring jointly, cannot find the
                child. The app never deletes a pupil: a named person records a leaving date and ground on the
                pupil's page. Tell the social worker first, if there is one.
              </>
            }
            empty="No pupil has 20 school days of G, N or O in a row."
            rows={d.deletionReview}
            columns={[
              ...RUN_COLUMNS('Sessions of G, N or O in a row'),
              { head: 'Social worker', cell: (r) => (r.socialWorker ? 'yes' : 'no') },
            ]}
          />
          <StatutoryList
            id="h-sick"
            title="Sickness return: 30 illness sessions this school year"
            label="Sickness return"
            onExport={() => void exportCsv('sickness')}
            intro={
              <>
                Pupils of compulsory school age expected to miss 15 school days or more through illness. Staff
                can raise a return earlier from the pupil's page.
              </>
            }
            empty="No pupil has reached 30 illness sessions."
            rows={d.sickness}
            columns={[
              { head: 'Illness sessions (I)', num: true, cell: (r) => r.illnessSessions },
              {
                head: 'Sickness return sent',
                cell: (r) =>
                  r.sicknessReturnSent ? (
                    formatUkDate(r.sicknessReturnSent.slice(0, 10))
                  ) : (
                    <RecordReturn pupilId={r.pupilId} name={r.name} kind="sickness" today={today} />
                  ),
              },
            ]}
          />
          <StatutoryList
            id="h-n"
            title="N marks overdue (5 school days or more)"
            label="N marks overdue"
            onExport={() => void exportCsv('overdueN')}
            intro="N must be replaced by the right code within 5 school days, or by O."
            empty="No N mark is overdue."
            rows={d.overdueN}
            rowKey={(r) => `${r.pupilId}${r.date}${r.session}`}
            columns={[
              {
                head: 'Session',
                cell: (r) => (
                  <>
                    {formatUkDate(r.date)} {r.session}
                  </>
                ),
              },
              { head: 'School days since', num: true, cell: (r) => r.schoolDaysSince },
            ]}
          />
        </>
      )}
    </div>
  );
}

interface Row {
  pupilId: number;
  name: string;
  yearGroup: string;
  regGroup: string;
}
interface Column<R> {
  head: string;
  num?: boolean;
  cell: (r: R) => ReactNode;
}
interface Run extends Row {
  runSessions: number;
  runFrom: string;
  runTo: string;
  ongoing: boolean;
}

/** The columns of a run of absence, after the pupil's: its length, first and last day, and whether it goes on. */
function RUN_COLUMNS<R extends Run>(lengthHead: string): Column<R>[] {
  return [
    { head: lengthHead, num: true, cell: (r) => r.runSessions },
    { head: 'From', cell: (r) => formatUkDate(r.runFrom) },
    { head: 'To', cell: (r) => formatUkDate(r.runTo) },
    { head: 'Still absent', cell: (r) => (r.ongoing ? 'yes' : 'no') },
  ];
}

/** One statutory list: its heading with the count and a CSV export, what it is for, and a table of the pupils
 * (name, year and group, then the list's own columns), or a line saying none is on it. */
function StatutoryList<R extends Row>(p: {
  id: string;
  title: string;
  label: string;
  onExport: () => void;
  intro: ReactNode;
  empty: string;
  rows: R[];
  columns: Column<R>[];
  rowKey?: (r: R) => string;
}) {
  return (
    <section className="card" aria-labelledby={p.id}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Text as="h2" id={p.id} weight="semibold" size={500}>
          {p.title} ({p.rows.length})
        </Text>
        <Button onClick={p.onExport} aria-label={`Export CSV: ${p.title}`}>
          Export CSV
        </Button>
      </div>
      <Text block className="muted">
        {p.intro}
      </Text>
      <table className="plain" aria-label={p.label}>
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Year</th>
            <th>Group</th>
            {p.columns.map((c) => (
              <th key={c.head} className={c.num ? 'num' : undefined}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.length === 0 && (
            <tr>
              <td colSpan={p.columns.length + 3} className="muted">
                {p.empty}
              </td>
            </tr>
          )}
          {p.rows.map((r) => (
            <tr key={p.rowKey ? p.rowKey(r) : r.pupilId}>
              <td>
                <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>
              </td>
              <td>{r.yearGroup}</td>
              <td>{r.regGroup}</td>
              {p.columns.map((c) => (
                <td key={c.head} className={c.num ? 'num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Logs the return to the local authority as sent today (docs/rules/register-law.md §8 keeps a log of every
 * return). */
function RecordReturn({
  pupilId,
  name,
  kind,
  today,
}: {
  pupilId: number;
  name: string;
  kind: 'attendance' | 'sickness';
  today: string;
}) {
  const m = useRpcMutation('pupils.recordReturn', ['figures.statutoryLists']);
  return (
    <>
      <span className="muted">not yet </span>
      <Button
        size="small"
        disabled={m.isPending}
        aria-label={`Record the ${kind} return for ${name} as sent today`}
        onClick={() => m.mutate({ pupilId, kind, sentAt: today, method: 'LA portal' })}
      >
        Sent today
      </Button>
      {m.error ? <ErrorBar error={m.error} /> : null}
    </>
  );
}
