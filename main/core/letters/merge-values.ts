// The merge values: every field's value for one letter, from what letter-data.ts reads (the school and
// letterhead, the addressees, the figures and tables, the notices' wording, the dates that follow the letter),
// with the extra fields the user gave, which win over computed ones.
import { academicYearOf, addDays, formatLongDate, type IsoDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics/rates';
import { needsHealthParagraph } from './guardrails';
import type { TemplateSpec } from './templates';
import { knownAs, plural, pupilName } from '../../../shared/names';
import type { Absence, Household, LetterDataLoader, PupilLetterData, SchoolInfo } from './letter-data';

export type BlockValue = {
  kind: 'table';
  header: string[];
  rows: string[][];
  empty: string;
  widths?: number[];
};
export type FieldValue = string | string[] | BlockValue | { kind: 'logo' };

function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + minutes;
  return clock(`${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
}

/** "08:40" -> "8.40am" (the usual form in letters to parents). */
export function clock(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) {
    return hhmm;
  }
  const h = Number(m[1]);
  return `${h % 12 === 0 ? 12 : h % 12}.${m[2]}${h < 12 ? 'am' : 'pm'}`;
}

const SESSION_WORDS: Record<string, string> = { AM: 'morning', PM: 'afternoon' };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Most absence is on Mondays" when one weekday holds at least 40% of 6 or more absence sessions; else ''. */
/** G2 (docs/rules/letters.md §1.1): when illness is the largest reason but most absence is unauthorised, the concern
 * letter carries the health paragraph of the health-and-wellbeing variant; otherwise the paragraph is left out. */
export function healthParagraph(
  stats: { authorised: number; unauthorised: number },
  codeCounts: Record<string, number>,
  name: string,
): string {
  if (!needsHealthParagraph({ authorised: stats.authorised, unauthorised: stats.unauthorised, codeCounts })) {
    return '';
  }
  const ill = codeCounts.I ?? 0;
  return (
    `Illness is the largest single reason for ${name}'s absence (${plural(ill, 'session')}).` +
    ` We are not questioning any illness. If a health need is making school hard, we can help: a meeting with you,` +
    ` a referral to the school nurse, an individual healthcare plan, or adjustments in school such as rest breaks or a phased return.` +
    ` Sharing medical information is your choice and is kept confidentially.`
  );
}

export function patternSummary(absences: Absence[], name: string): string {
  if (absences.length < 6) {
    return '';
  }
  const by = new Map<number, number>();
  for (const a of absences) {
    const w = new Date(`${a.date}T00:00:00Z`).getUTCDay();
    by.set(w, (by.get(w) ?? 0) + 1);
  }
  const [day, n] = [...by.entries()].sort((a, b) => b[1] - a[1])[0];
  if (n * 10 < absences.length * 4) {
    return '';
  }
  return `We have noticed that ${n} of the ${absences.length} sessions ${name} missed were on a ${WEEKDAYS[day]}.`;
}

export interface MergeInput {
  spec: TemplateSpec;
  loader: LetterDataLoader;
  data: PupilLetterData;
  /** Further children of the household on the same letter (siblings combined). */
  siblings: PupilLetterData[];
  household: Household;
  letterDate: IsoDate;
  reference: string;
  extra: Record<string, string>;
  today: IsoDate;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Every field's value for one letter; extra fields given by the user win over computed ones. */
export function mergeValues(i: MergeInput): { values: Record<string, FieldValue>; missing: string[] } {
  const { loader, data: d, spec } = i;
  const first = knownAs(d.pupil);
  const children = [d, ...i.siblings];
  const nextMeeting = nextMeetingOf(d, i.today);
  const v: Record<string, FieldValue> = {
    ...schoolFields(loader.school),
    ...addresseeFields(i, first, children),
    ...signatoryFields(loader.school, spec),
    ...figureFields(loader.period, d),
    ...tableFields(loader, d, children),
    ...noticeFields(loader.school, d),
    ...followUpFields(i, first, nextMeeting),
  };
  addMeetingFields(v, nextMeeting);
  applyExtra(v, i.extra);
  const optional = new Set([
    'pattern.summary',
    'health.paragraph',
    'leave.reason',
    'leave.penaltyNote',
    'leave.partNote',
  ]);
  for (const k of optional) {
    if (v[k] === undefined) {
      v[k] = '';
    }
  }
  const missing = spec.extra
    .map((e) => e.key)
    .filter((k) => v[k] === undefined || (v[k] === '' && !optional.has(k)));
  return { values: v, missing };
}

type Meeting = PupilLetterData['meetings'][number];

/** The first meeting not yet held on or after today, if one is booked. */
function nextMeetingOf(d: PupilLetterData, today: IsoDate): Meeting | undefined {
  return d.meetings.filter((m) => !m.held && m.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
}

/** The school's letterhead fields: its name and contact details, the headteacher and the attendance champion. */
function schoolFields(s: SchoolInfo): Record<string, FieldValue> {
  const st = s.settings;
  const officePhone = st.phone ?? "the school's main number";
  return {
    'school.name': s.name,
    'school.address': s.address ?? '',
    'school.phone': officePhone,
    'school.email': st.email ?? '',
    'school.logo': { kind: 'logo' },
    'school.absenceLine': st.absenceLine ?? officePhone,
    'school.contactLine': [st.phone && `Telephone ${st.phone}`, st.email && `Email ${st.email}`]
      .filter(Boolean)
      .join(' · '),
    'school.start': clock(s.amOpens),
    'head.name': st.headName ?? 'the Headteacher',
    'champion.name': s.championName ?? 'the attendance lead',
    'champion.role': s.championPosition ?? 'attendance lead',
    'champion.phone': st.championPhone ?? officePhone,
    'champion.email': st.championEmail ?? st.email ?? "the school office's address",
  };
}

/** The letter's date and reference, who it goes to, and the pupil (or the children) it is about. */
function addresseeFields(
  i: MergeInput,
  first: string,
  children: PupilLetterData[],
): Record<string, FieldValue> {
  const h = i.household;
  const p = i.data.pupil;
  return {
    'letter.date': formatLongDate(i.letterDate),
    'letter.reference': i.reference,
    'recipient.salutation': h.names.join(' and '),
    'recipient.names': h.names.join(' and '),
    'recipient.address': (h.address ?? '').split(/\s*,\s*|\n/).filter(Boolean),
    'pupil.forename': first,
    'pupil.preferredName': first,
    'pupil.surname': p.surname,
    'pupil.yearGroup': p.yearGroup,
    'pupil.regGroup': p.regGroup,
    'pupils.names': children.map((c) => pupilName(c.pupil)).join(' and '),
  };
}

/** Who signs the letter, and as what. */
function signatoryFields(s: SchoolInfo, spec: TemplateSpec): Record<string, FieldValue> {
  const st = s.settings;
  const signatoryName = st.signatoryName ?? s.championName ?? st.headName ?? 'The Headteacher';
  // G5: letters with legal weight are signed by the senior attendance champion or the headteacher
  const legalSigner = spec.legalWeight ? (s.championName ?? st.headName) : null;
  return {
    'signatory.name': legalSigner ?? signatoryName,
    'signatory.position': legalSigner
      ? s.championName
        ? (s.championPosition ?? 'Senior attendance champion')
        : 'Headteacher'
      : (st.signatoryPosition ?? s.championPosition ?? ''),
  };
}

/** The period and the pupil's figures over it: attendance, absence, sessions missed and lateness. */
function figureFields(period: LetterDataLoader['period'], d: PupilLetterData): Record<string, FieldValue> {
  return {
    'period.from': formatLongDate(period.from),
    'period.to': formatLongDate(period.to),
    asOf: formatLongDate(period.asOf),
    'figures.attendancePct': formatPct1(d.stats.attendancePct),
    'figures.absencePct': formatPct1(d.stats.absencePct),
    'figures.possible': String(d.stats.possible),
    'figures.authorised': String(d.stats.authorised),
    'figures.unauthorised': String(d.stats.unauthorised),
    'figures.absent': String(d.stats.authorised + d.stats.unauthorised),
    'figures.daysMissed': String((d.stats.authorised + d.stats.unauthorised) / 2)
      .replace(/\.5$/, '½')
      .replace(/^0½$/, '½'),
    'figures.lateBeforeClose': String(d.stats.lateBeforeClose),
    'figures.lateAfterClose': String(d.stats.lateAfterClose),
    'figures.minutesLate': String(d.stats.minutesLate),
  };
}

/** The tables: absence by reason, each child's figures, the school year so far, and every absence by date. */
function tableFields(
  loader: LetterDataLoader,
  d: PupilLetterData,
  children: PupilLetterData[],
): Record<string, FieldValue> {
  return {
    'figures.reasonsTable': {
      kind: 'table',
      header: ['Reason', 'Code', 'Sessions'],
      widths: [64, 14, 22],
      empty: 'No absence was recorded in this period.',
      rows: Object.entries(d.codeCounts)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([c, n]) => [loader.codeLabel(c), c, String(n)]),
    },
    'figures.childrenTable': {
      kind: 'table',
      header: ['Child', 'Year', 'Attendance', 'Sessions missed', 'of which unauthorised', 'Late'],
      widths: [28, 8, 18, 15, 19, 12],
      empty: '',
      rows: children.map((c) => [
        pupilName(c.pupil),
        c.pupil.yearGroup,
        formatPct1(c.stats.attendancePct),
        String(c.stats.authorised + c.stats.unauthorised),
        String(c.stats.unauthorised),
        String(c.stats.lateBeforeClose + c.stats.lateAfterClose),
      ]),
    },
    'figures.yearTable': {
      kind: 'table',
      header: [
        'Child',
        'This period',
        'School year so far',
        'Sessions missed this year',
        'of which unauthorised',
      ],
      widths: [30, 16, 18, 18, 18],
      empty: '',
      rows: children.map((c) => [
        pupilName(c.pupil),
        formatPct1(c.stats.attendancePct),
        formatPct1(c.yearStats.attendancePct),
        String(c.yearStats.authorised + c.yearStats.unauthorised),
        String(c.yearStats.unauthorised),
      ]),
    },
    'year.from': formatLongDate(`${academicYearOf(loader.period.to)}-09-01`),
    'absences.list': {
      kind: 'table',
      header: ['Date', 'Session', 'Code', 'Meaning'],
      widths: [36, 13, 9, 42],
      empty: 'No absence was recorded in this period.',
      rows: d.absences.map((a) => [formatLongDate(a.date, true), SESSION_WORDS[a.session], a.code, a.label]),
    },
  };
}

/** The penalty window, when registers close, where the policy and the code of conduct are, and leave's wording. */
function noticeFields(s: SchoolInfo, d: PupilLetterData): Record<string, FieldValue> {
  const st = s.settings;
  return {
    'pn.sessions': String(d.pnWindow.sessions),
    'pn.windowFrom': formatLongDate(d.pnWindow.from),
    'pn.windowTo': formatLongDate(d.pnWindow.to),
    'registers.closeAM': addMinutes(s.amOpens, s.registerOpenMinutes),
    'registers.closePM': addMinutes(s.pmOpens, s.registerOpenMinutes),
    'policy.url': st.policyUrl ?? 'the school website',
    'laCode.url': st.laCodeUrl ?? "the local authority's website",
    'laCode.reference': st.laCodeReference ?? "the local authority's code of conduct",
    'report.by': st.reportBy ?? addMinutes(s.amOpens, s.registerOpenMinutes),
    'leave.formUrl': st.leaveFormUrl ?? 'ask the school office for a form',
    'parents.updates': s.parentUpdates ?? 'every term',
    'leave.penaltyNote': d.compulsoryAge
      ? 'Unauthorised absence of 10 sessions or more in 10 school weeks' +
        ' means the local authority must consider a penalty notice, under its code of conduct.'
      : '',
    'leave.reason': '',
  };
}

/** The paragraphs read from the absences, the support so far, the figures before and after, and the dates that
 * follow the letter (the reply, the review, a notice's span, the plan's review after the next meeting). */
function followUpFields(
  i: MergeInput,
  first: string,
  nextMeeting: Meeting | undefined,
): Record<string, FieldValue> {
  const { loader, data: d } = i;
  const cal = loader.cal;
  const lastLadder = [...d.letters]
    .filter((l) => l.attendancePct !== null && l.stage !== 'improvement')
    .pop();
  const support = [
    ...d.letters
      .filter((l) => l.stage !== 'first_day')
      .map((l) => `${formatLongDate(l.date)}: ${l.template.replace(/-/g, ' ')} letter (${l.reference})`),
    ...d.meetings.filter((m) => m.held).map((m) => `${formatLongDate(m.date)}: ${m.kind} meeting held`),
  ].sort();
  const lastN = [...d.absences].reverse().find((a) => a.code === 'N' || a.code === 'O');
  // the next school day after the letter and the twentieth (a day or four weeks on where the calendar runs out)
  const nextDay = cal.nthSchoolDayAfter(i.letterDate, 1) ?? addDays(i.letterDate, 1);
  const twentieth = cal.nthSchoolDayAfter(i.letterDate, 20) ?? addDays(i.letterDate, 28);
  return {
    'pattern.summary': patternSummary(d.absences, first),
    'health.paragraph': healthParagraph(d.stats, d.codeCounts, first),
    'absence.date': lastN ? formatLongDate(lastN.date, true) : '',
    'absence.session': lastN ? SESSION_WORDS[lastN.session] : '',
    'reply.by': formatLongDate(nextDay, true),
    'support.history': support.length ? support : ['No earlier letters or meetings are recorded.'],
    'review.date': formatLongDate(twentieth),
    'nti.start': formatLongDate(nextDay),
    'nti.end': formatLongDate(twentieth),
    'figures.before': lastLadder?.attendancePct != null ? formatPct1(lastLadder.attendancePct) : '',
    'figures.after': formatPct1(d.stats.attendancePct),
    // the whole term (its half terms together) the period ends in
    'term.name': cal.termOf(loader.period.to)?.name ?? 'this term',
    'plan.reviewDate': formatLongDate(
      cal.nthSchoolDayAfter(nextMeeting?.date ?? i.letterDate, 10) ?? addDays(i.letterDate, 14),
    ),
  };
}

/** The next meeting's date, and its time, place and attendees where they are recorded. */
function addMeetingFields(v: Record<string, FieldValue>, nextMeeting: Meeting | undefined): void {
  if (nextMeeting) {
    v['meeting.date'] = formatLongDate(nextMeeting.date, true);
    if (nextMeeting.time) {
      v['meeting.time'] = clock(nextMeeting.time);
    }
    if (nextMeeting.place) {
      v['meeting.place'] = nextMeeting.place;
    }
    if (nextMeeting.attendees) {
      v['meeting.attendees'] = nextMeeting.attendees;
    }
  }
}

/** The user's extra fields over the computed ones: dates and times written as letters write them, lines split. */
function applyExtra(v: Record<string, FieldValue>, extra: Record<string, string>): void {
  for (const [k, raw] of Object.entries(extra)) {
    const x = raw.trim();
    if (!x) {
      continue;
    }
    v[k] = ISO.test(x)
      ? formatLongDate(x, k.startsWith('meeting.') || k === 'absence.date')
      : /^\d{1,2}:\d{2}$/.test(x)
        ? clock(x)
        : x.includes('\n')
          ? x
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
          : x;
  }
}
