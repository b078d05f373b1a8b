// The four statutory lists (docs/rules/register-law.md §8–9), each with its law, its columns and its export.
import { formatUkDate } from '../../../../shared/dates';
import type { Input } from '../../../../shared/contract';

import { RUN_COLUMNS, RecordReturn, StatutoryList } from './StatutoryList';
import type { Output } from '../../../../shared/contract';

export type ListName = Extract<
  Input<'figures.exportCsv'>,
  { list: 'continuous' | 'deletion' | 'sickness' | 'overdueN' }
>['list'];

interface ListProps {
  d: Output<'figures.statutoryLists'>;
  exportCsv: (list: ListName) => Promise<void>;
  today: string;
}

/** Pupils with 10 school days of unauthorised absence in a row: the attendance return and the CME checks. */
export function ContinuousList({ d, exportCsv, today }: ListProps) {
  return (
    <StatutoryList
      id="h-cont"
      title="Continuous unauthorised absence of 10 school days or more"
      label="Continuous unauthorised absence"
      onExport={() => void exportCsv('continuous')}
      intro={
        <>
          These pupils go on the next attendance return to the local authority, and the
          children-missing-education checks start: first-day contact, a home visit, enquiries of siblings'
          schools, the social worker if there is one, referral to the LA.
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
  );
}

/** Pupils with 20 school days of G, N or O in a row: deletion ground 9(1)(i) to review with the LA, never automatic. */
export function DeletionList({ d, exportCsv }: ListProps) {
  return (
    <StatutoryList
      id="h-del"
      title="Deletion ground 9(1)(i) to review: 20 school days of G, N or O"
      label="Deletion ground to review"
      onExport={() => void exportCsv('deletion')}
      intro={
        <>
          The ground applies only when there is no reason to think the absence is through illness or
          unavoidable cause and the school and the local authority, enquiring jointly, cannot find the child.
          The app never deletes a pupil: a named person records a leaving date and ground on the pupil's page.
          Tell the social worker first, if there is one.
        </>
      }
      empty="No pupil has 20 school days of G, N or O in a row."
      rows={d.deletionReview}
      columns={[
        ...RUN_COLUMNS('Sessions of G, N or O in a row'),
        { head: 'Social worker', cell: (r) => (r.socialWorker ? 'yes' : 'no') },
      ]}
    />
  );
}

/** Pupils with 30 illness sessions this school year: the sickness return. */
export function SicknessList({ d, exportCsv, today }: ListProps) {
  return (
    <StatutoryList
      id="h-sick"
      title="Sickness return: 30 illness sessions this school year"
      label="Sickness return"
      onExport={() => void exportCsv('sickness')}
      intro={
        <>
          Pupils of compulsory school age expected to miss 15 school days or more through illness. Staff can
          raise a return earlier from the pupil's page.
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
  );
}

/** N marks not replaced within 5 school days. */
export function OverdueNList({ d, exportCsv }: ListProps) {
  return (
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
  );
}
