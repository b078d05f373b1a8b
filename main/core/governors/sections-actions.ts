// Sections 5 to 8 of the governor report (docs/rules/governor-report.md): movement between the bands, actions
// and impact (counts only, and only the counts the app really holds), compliance checks, questions for governors.
import type { Paragraph, Table } from 'docx';
import { formatUkDate } from '../../../shared/dates';
import type { GovernorFigures } from './report-data';
import { h1, note, numbered, para, table } from './docx-parts';
import { num } from './sections-figures';

type Part = Paragraph | Table;
const STATUS = { ok: 'In order', attention: 'Needs attention', not_recorded: 'Not recorded' } as const;

export function movement(f: GovernorFigures): Part[] {
  const m = f.movement;
  const start = f.yearToDate.from;
  return [
    h1('5. Movement into and out of persistent and severe absence'),
    note(
      start >= f.from
        ? 'The period starts the school year, so there is no earlier band to move from: ' +
            'movement is reported from the second report of the year.'
        : `Each pupil's band over ${formatUkDate(start)} to the day before this period, against their ` +
            `band over ${formatUkDate(start)} to ${formatUkDate(f.to)}.`,
    ),
    table(
      [
        { head: 'Band', width: 50 },
        { head: 'Entered', num: true },
        { head: 'Left', num: true },
      ],
      [
        [
          'Persistent absence (10% or more, severe included)',
          num(m.enteredPersistent),
          num(m.leftPersistent),
        ],
        ['Severe absence (50% or more)', num(m.enteredSevere), num(m.leftSevere)],
      ],
    ),
  ];
}

type Actions = GovernorFigures['actions'];

/** The statutory work of the period: meetings, notices, leave decided and returns to the local authority. */
function statutoryRows(a: Actions): string[][] {
  return [
    ['Attendance meetings held with families', num(a.meetingsHeld.attendance)],
    ['Reintegration meetings held', num(a.meetingsHeld.reintegration)],
    ['Attendance contract meetings held', num(a.meetingsHeld.contract)],
    ['Notices to improve issued', num(a.noticesToImprove.issued)],
    ['Penalty notices issued', num(a.penaltyNotices.issued)],
    ['Penalty notices paid', num(a.penaltyNotices.paid)],
    ['Penalty notices withdrawn', num(a.penaltyNotices.withdrawn)],
    ['Penalty notices leading to prosecution', num(a.penaltyNotices.prosecuted)],
    [
      'Leave requests decided (granted / part granted / refused)',
      `${a.leave.decided} (${a.leave.granted} / ${a.leave.partGranted} / ${a.leave.refused})`,
    ],
    ['Attendance returns sent to the local authority (continuous absence)', num(a.returnsSent.attendance)],
    ['Sickness returns sent to the local authority', num(a.returnsSent.sickness)],
    ['Deletion returns sent to the local authority', num(a.returnsSent.deletion)],
    ['New-pupil returns sent to the local authority', num(a.returnsSent.newPupil)],
  ];
}

/** The support casework: plans, meetings, referrals and agreed actions. */
function caseworkRows(c: NonNullable<Actions['casework']>): string[][] {
  return [
    ['Support plans opened', num(c.plansOpened)],
    ['Support plans closed', num(c.plansClosed)],
    ...c.planOutcomes.map((o) => [`Plans closed, outcome: ${o.outcome}`, num(o.plans)]),
    ['Casework meetings with families', num(c.meetings)],
    ['Referrals to other services', num(c.referrals)],
    ['Agreed actions done', num(c.actionsDone)],
    ['Agreed actions not done by their date', num(c.actionsOverdue)],
  ];
}

/** The arrangements: part-time timetables, flexi-schooling, contracts and children missing education. */
function arrangementRows(t: NonNullable<Actions['arrangements']>): string[][] {
  return [
    ['Part-time timetables agreed', num(t.timetablesAgreed)],
    ['Part-time timetables in place at any time in the period', num(t.timetablesInForce)],
    ['Part-time timetables ended', num(t.timetablesEnded)],
    ['Flexi-schooling agreements made (in place)', `${t.flexiAgreed} (${t.flexiInForce})`],
    ['Reviews of timetables and flexi-schooling held', num(t.reviewsHeld)],
    ['Reviews overdue at the end of the period', num(t.overdueReviews)],
    ['Attendance contracts agreed (ended)', `${t.contractsAgreed} (${t.contractsEnded})`],
    ['Children-missing-education enquiries opened', num(t.cmeCasesOpened)],
    ['Referrals to the LA children-missing-education officer', num(t.cmeReferrals)],
    ['LA attendance targeting meetings (actions agreed)', `${t.laMeetings} (${t.laMeetingActions})`],
  ];
}

export function actions(f: GovernorFigures): Part[] {
  const a = f.actions;
  const rows = [
    ...statutoryRows(a),
    ...(a.casework ? caseworkRows(a.casework) : []),
    ...(a.arrangements ? arrangementRows(a.arrangements) : []),
  ];
  const deletions = a.deletionsByGround.map((d) => [
    `${d.label}${d.ground ? ` (${d.ground})` : ''}`,
    num(d.pupils),
  ]);
  return [
    h1('6. Actions and impact'),
    note('Counts of the support and statutory work of the period. No pupil is named.'),
    table(
      [
        { head: 'Action', width: 75 },
        { head: 'Count', num: true },
      ],
      rows,
    ),
    para('Pupils taken off the admission register in the period, by ground:', {
      spacing: { before: 200, after: 80 },
    }),
    deletions.length
      ? table(
          [
            { head: 'Ground (Pupil Registration Regulations 2024, reg 9)', width: 75 },
            { head: 'Pupils', num: true },
          ],
          deletions,
        )
      : para('None.'),
  ];
}

export function compliance(f: GovernorFigures): Part[] {
  return [
    h1('7. Compliance checks'),
    table(
      [{ head: 'Check', width: 38 }, { head: 'Finding', width: 44 }, { head: 'Status' }],
      f.compliance.map((c) => [c.label, c.value, STATUS[c.status]]),
    ),
  ];
}

export function questions(f: GovernorFigures): Part[] {
  return [
    h1('8. Questions for governors'),
    note('Prompts drawn from the figures above, for the board to ask the attendance lead and the head.'),
    ...f.questions.map(numbered),
  ];
}
