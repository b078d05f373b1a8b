// Statutory follow-up (docs/rules/register-law.md §8–9): pupils for the attendance return and
// children-missing-education checks (10 school days of continuous unauthorised absence), deletion ground
// 9(1)(i) to review with the LA (20 school days of G/N/O only: never an automatic deletion), sickness returns
// (30 illness sessions this school year) and N marks not replaced within 5 school days.
import { useState } from 'react';
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
  const head = (id: string, title: string, n: number | undefined, list: ListName) => (
    <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
      <Text as="h2" id={id} weight="semibold" size={500}>
        {title} ({n ?? '…'})
      </Text>
      <Button onClick={() => void exportCsv(list)} aria-label={`Export CSV: ${title}`}>
        Export CSV
      </Button>
    </div>
  );
  const pupil = (r: { pupilId: number; name: string }) => <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>;
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
          <section className="card" aria-labelledby="h-cont">
            {head(
              'h-cont',
              'Continuous unauthorised absence of 10 school days or more',
              d.continuous.length,
              'continuous',
            )}
            <Text block className="muted">
              These pupils go on the next attendance return to the local authority, and the
              children-missing-education checks start: first-day contact, a home visit, enquiries of siblings'
              schools, the social worker if there is one, referral to the LA.
            </Text>
            <table className="plain" aria-label="Continuous unauthorised absence">
              <thead>
                <tr>
                  <th>Pupil</th>
                  <th>Year</th>
                  <th>Group</th>
                  <th className="num">Sessions in a row</th>
                  <th>From</th>
                  <th>To</th>
                  <th>Still absent</th>
                  <th>Attendance return sent</th>
                </tr>
              </thead>
              <tbody>
                {d.continuous.length === 0 && (
                  <tr>
                    <td colSpan={8} className="muted">
                      No pupil has 10 school days of unauthorised absence in a row.
                    </td>
                  </tr>
                )}
                {d.continuous.map((r) => (
                  <tr key={r.pupilId}>
                    <td>{pupil(r)}</td>
                    <td>{r.yearGroup}</td>
                    <td>{r.regGroup}</td>
                    <td className="num">{r.runSessions}</td>
                    <td>{formatUkDate(r.runFrom)}</td>
                    <td>{formatUkDate(r.runTo)}</td>
                    <td>{r.ongoing ? 'yes' : 'no'}</td>
                    <td>
                      {r.attendanceReturnSent ? (
                        formatUkDate(r.attendanceReturnSent.slice(0, 10))
                      ) : (
                        <RecordReturn pupilId={r.pupilId} name={r.name} kind="attendance" today={today} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="h-del">
            {head(
              'h-del',
              'Deletion ground 9(1)(i) to review: 20 school days of G, N or O',
              d.deletionReview.length,
              'deletion',
            )}
            <Text block className="muted">
              The ground applies only when there is no reason to think the absence is through illness or
              unavoidable cause and the school and the local authority, enquiring jointly, cannot find the
              child. The app never deletes a pupil: a named person records a leaving date and ground on the
              pupil's page. Tell the social worker first, if there is one.
            </Text>
            <table className="plain" aria-label="Deletion ground to review">
              <thead>
                <tr>
                  <th>Pupil</th>
                  <th>Year</th>
                  <th>Group</th>
                  <th className="num">Sessions of G, N or O in a row</th>
                  <th>From</th>
                  <th>To</th>
                  <th>Still absent</th>
                  <th>Social worker</th>
                </tr>
              </thead>
              <tbody>
                {d.deletionReview.length === 0 && (
                  <tr>
                    <td colSpan={8} className="muted">
                      No pupil has 20 school days of G, N or O in a row.
                    </td>
                  </tr>
                )}
                {d.deletionReview.map((r) => (
                  <tr key={r.pupilId}>
                    <td>{pupil(r)}</td>
                    <td>{r.yearGroup}</td>
                    <td>{r.regGroup}</td>
                    <td className="num">{r.runSessions}</td>
                    <td>{formatUkDate(r.runFrom)}</td>
                    <td>{formatUkDate(r.runTo)}</td>
                    <td>{r.ongoing ? 'yes' : 'no'}</td>
                    <td>{r.socialWorker ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="h-sick">
            {head(
              'h-sick',
              'Sickness return: 30 illness sessions this school year',
              d.sickness.length,
              'sickness',
            )}
            <Text block className="muted">
              Pupils of compulsory school age expected to miss 15 school days or more through illness. Staff
              can raise a return earlier from the pupil's page.
            </Text>
            <table className="plain" aria-label="Sickness return">
              <thead>
                <tr>
                  <th>Pupil</th>
                  <th>Year</th>
                  <th>Group</th>
                  <th className="num">Illness sessions (I)</th>
                  <th>Sickness return sent</th>
                </tr>
              </thead>
              <tbody>
                {d.sickness.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      No pupil has reached 30 illness sessions.
                    </td>
                  </tr>
                )}
                {d.sickness.map((r) => (
                  <tr key={r.pupilId}>
                    <td>{pupil(r)}</td>
                    <td>{r.yearGroup}</td>
                    <td>{r.regGroup}</td>
                    <td className="num">{r.illnessSessions}</td>
                    <td>
                      {r.sicknessReturnSent ? (
                        formatUkDate(r.sicknessReturnSent.slice(0, 10))
                      ) : (
                        <RecordReturn pupilId={r.pupilId} name={r.name} kind="sickness" today={today} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="h-n">
            {head('h-n', 'N marks overdue (5 school days or more)', d.overdueN.length, 'overdueN')}
            <Text block className="muted">
              N must be replaced by the right code within 5 school days, or by O.
            </Text>
            <table className="plain" aria-label="N marks overdue">
              <thead>
                <tr>
                  <th>Pupil</th>
                  <th>Year</th>
                  <th>Group</th>
                  <th>Session</th>
                  <th className="num">School days since</th>
                </tr>
              </thead>
              <tbody>
                {d.overdueN.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      No N mark is overdue.
                    </td>
                  </tr>
                )}
                {d.overdueN.map((r) => (
                  <tr key={`${r.pupilId}${r.date}${r.session}`}>
                    <td>{pupil(r)}</td>
                    <td>{r.yearGroup}</td>
                    <td>{r.regGroup}</td>
                    <td>
                      {formatUkDate(r.date)} {r.session}
                    </td>
                    <td className="num">{r.schoolDaysSince}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
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
