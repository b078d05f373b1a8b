// Everything a letter is merged from, read from the database: the school and letterhead, the pupil, the
// addressees by household (G8), the figures over the period (docs/rules/statistics.md via shared/statistics,
// G7), the absences by code and date, the rolling penalty window, the letters and meetings so far.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { calendarRanges } from '../db/schema';
import { termAround } from '../../../shared/terms';
import { AppError, noSuchPupil } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import type { Calendar } from '../../../shared/calendar';
import {
  academicYearOf,
  addDays,
  formatLongDate,
  isCompulsoryAge,
  mondayOf,
  type IsoDate,
} from '../../../shared/dates';
import {
  buildPeriodContext,
  computePupilStats,
  DEFAULT_AT_RISK_LOWER_PCT,
  formatPct1,
  markCategory,
  PENALTY_WINDOW_WEEKS,
  type PupilStats,
  type StatsMark,
} from '../../../shared/statistics';
import { readLettersSettings, type LettersSettings } from './settings';
import { codeLabels, loaderQueries, schoolRow, type LoaderQueries } from './letter-rows';
import { needsHealthParagraph, type GuardFacts, type PastLetter } from './guardrails';
import { agreedAbsences, agreedAbsencesOf } from '../arrangements/queries';
import type { TemplateSpec } from './templates';
import { caseworkSupportDates } from './ladder';
import { REGS_2024_START } from '../../../shared/codes';
import { knownAs, plural, pupilName } from '../../../shared/names';

export interface SchoolInfo {
  name: string;
  address: string | null;
  amOpens: string;
  pmOpens: string;
  registerOpenMinutes: number;
  championName: string | null;
  championPosition: string | null;
  parentUpdates: string | null;
  atRiskLowerPct: number;
  settings: LettersSettings;
}

export function loadSchoolInfo(db: Db): SchoolInfo {
  const s = schoolRow(db);
  if (!s) {
    throw new AppError('not_found', 'There is no school in this database yet: set it up first.');
  }
  return {
    ...s,
    atRiskLowerPct: s.atRiskLowerPct ?? DEFAULT_AT_RISK_LOWER_PCT,
    settings: readLettersSettings(db),
  };
}

export interface PupilRow {
  id: number;
  upn: string;
  surname: string;
  forename: string;
  preferredForename: string | null;
  dob: IsoDate;
  yearGroup: string;
  regGroup: string;
  admissionDate: IsoDate;
  leavingDate: IsoDate | null;
  address: string | null;
}
export interface ContactRow {
  name: string;
  relationship: string | null;
  address: string | null;
  livesWith: boolean;
  parentalResponsibility: boolean;
  email: string | null;
}

/** One letter's addressees: a household (one address), or one parent for letters that go to each parent by name. */
export interface Household {
  key: string;
  names: string[];
  address: string | null;
  contacts: ContactRow[];
}

export { pupilName };

const norm = (s: string | null) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * G8: parents the pupil lives with, and other parents with parental responsibility, never a restricted contact;
 * grouped into one letter per address, or one letter each for formal notices.
 */
export function households(
  p: PupilRow,
  contacts: ContactRow[],
  restricted: ReadonlySet<string>,
  addressing: TemplateSpec['addressing'],
): Household[] {
  const recipients = contacts.filter(
    (c) => !restricted.has(norm(c.name)) && (c.livesWith || c.parentalResponsibility),
  );
  const out: Household[] = [];
  for (const c of recipients) {
    const address = c.address ?? (c.livesWith ? p.address : null);
    const key =
      addressing === 'each_parent'
        ? `parent:${norm(c.name)}`
        : address
          ? `addr:${norm(address)}`
          : c.livesWith
            ? 'home'
            : `parent:${norm(c.name)}`;
    const h = out.find((x) => x.key === key);
    if (h) {
      h.names.push(c.name);
      h.contacts.push(c);
    } else {
      out.push({ key, names: [c.name], address, contacts: [c] });
    }
  }
  return out;
}

export interface Absence {
  date: IsoDate;
  session: 'AM' | 'PM';
  code: string;
  label: string;
}

export interface PupilLetterData {
  pupil: PupilRow;
  contacts: ContactRow[];
  restricted: Set<string>;
  stats: PupilStats;
  /** The same figures over the school year to date (1 September of the school year of `to`, to `to`). */
  yearStats: PupilStats;
  codeCounts: Record<string, number>;
  absences: Absence[];
  /** The 10 school weeks ending with the week of `to`, and the unauthorised sessions in them that count (§6). */
  pnWindow: { from: IsoDate; to: IsoDate; sessions: number };
  compulsoryAge: boolean;
  letters: (PastLetter & { id: number; reference: string })[];
  meetings: {
    id: number;
    kind: string;
    date: IsoDate;
    time: string | null;
    place: string | null;
    attendees: string | null;
    held: boolean;
  }[];
  /** Casework support steps on record (meetings, plans, referrals): they count for G1. */
  caseworkSteps: IsoDate[];
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
}

export function defaultPeriod(today: IsoDate): Period {
  return { from: `${academicYearOf(today)}-09-01`, to: today, asOf: today };
}

export class LetterDataLoader {
  readonly cal: Calendar;
  readonly school: SchoolInfo;
  private labels: Map<string, string>;
  private pctx: ReturnType<typeof buildPeriodContext>;
  private yearCtx: ReturnType<typeof buildPeriodContext> | null;
  constructor(
    readonly db: Db,
    readonly period: Period,
    /** A batch picked up again: its own letters are not "letters so far" of the letters still to make. */
    private excludeBatch: string | null = null,
  ) {
    this.cal = loadCalendar(db);
    this.school = loadSchoolInfo(db);
    this.pctx = buildPeriodContext(this.cal, period, { atRiskLowerPct: this.school.atRiskLowerPct });
    const yearFrom = `${academicYearOf(period.to)}-09-01`;
    this.yearCtx =
      yearFrom === period.from
        ? null
        : buildPeriodContext(
            this.cal,
            { ...period, from: yearFrom },
            { atRiskLowerPct: this.school.atRiskLowerPct },
          );
    this.labels = new Map(codeLabels(db).map((r) => [r.code, r.label]));
  }

  private queries: LoaderQueries | null = null;
  /** load's queries, prepared once for the loader's pupils. */
  private get q(): LoaderQueries {
    this.queries ??= loaderQueries(this.db);
    return this.queries;
  }

  private agreedOf: ReturnType<typeof agreedAbsencesOf> | null = null;
  /** For many pupils (a batch, the candidates): the agreed arrangements and leave guardrail G4 reads are read once
   * for all of them, not with their own queries for each pupil (the same figures). */
  readForMany(): this {
    this.agreedOf ??= agreedAbsencesOf(this.db, this.cal, this.period.from, this.period.to);
    return this;
  }

  codeLabel(code: string): string {
    return this.labels.get(code) ?? code;
  }

  load(pupilId: number): PupilLetterData {
    const db = this.db;
    const pupil: PupilRow | undefined = this.q.pupil.get({ pupilId });
    if (!pupil) {
      throw noSuchPupil();
    }
    const contacts: ContactRow[] = this.q.contacts.all({ pupilId });
    const restricted = new Set(this.q.restricted.all({ pupilId }).map((r) => norm(r.name)));
    const { from, to } = this.period;
    const marks: StatsMark[] = this.q.marks.all({ pupilId, from: this.earliestMarkDate(), to });
    const stats = computePupilStats(this.pctx, { upn: pupil.upn }, marks);
    const yearStats = this.yearCtx ? computePupilStats(this.yearCtx, { upn: pupil.upn }, marks) : stats;
    const codeCounts: Record<string, number> = {};
    const absences: Absence[] = [];
    for (const m of marks) {
      if (m.date < from || m.date > to || !this.pctx.dayIndex.has(m.date)) {
        continue;
      }
      const cat = markCategory(m.code, m.date);
      if (cat !== 'authorised' && cat !== 'unauthorised') {
        continue;
      }
      codeCounts[m.code] = (codeCounts[m.code] ?? 0) + 1;
      absences.push({ date: m.date, session: m.session, code: m.code, label: this.codeLabel(m.code) });
    }
    // the rolling window: the last 10 school weeks up to the week of `to`
    let weeks = 0,
      wFrom = mondayOf(to);
    for (let m = mondayOf(to); weeks < PENALTY_WINDOW_WEEKS && m >= '2000-01-01'; m = addDays(m, -7)) {
      if (this.cal.isSchoolWeek(m)) {
        weeks++;
        wFrom = m;
      }
      if (m < addDays(from, -400)) {
        break;
      }
    }
    let pnSessions = 0;
    for (const m of marks) {
      if (
        m.date >= wFrom &&
        m.date <= to &&
        m.date >= REGS_2024_START &&
        markCategory(m.code, m.date) === 'unauthorised' &&
        this.cal.isSchoolDay(m.date)
      ) {
        pnSessions++;
      }
    }
    const letters = this.q.letters(pupilId, this.excludeBatch).map((l) => ({
      id: l.id,
      template: l.template,
      stage: l.stage,
      date: l.date,
      reference: l.reference,
      attendancePct: (JSON.parse(l.figures) as { attendancePct: number | null }).attendancePct ?? null,
    }));
    const meetings = this.q.meetings.all({ pupilId });
    return {
      pupil,
      contacts,
      restricted,
      stats,
      yearStats,
      codeCounts,
      absences,
      pnWindow: { from: wFrom, to, sessions: pnSessions },
      compulsoryAge: isCompulsoryAge(pupil.dob, this.period.asOf),
      letters,
      meetings,
      caseworkSteps: caseworkSupportDates(db, pupilId),
    };
  }

  private earliestMarkDate(): IsoDate {
    const y = this.yearCtx?.earliestMarkDate;
    return y && y < this.pctx.earliestMarkDate ? y : this.pctx.earliestMarkDate;
  }

  facts(d: PupilLetterData, today: IsoDate): GuardFacts {
    return {
      pupilName: pupilName(d.pupil),
      compulsoryAge: d.compulsoryAge,
      possible: d.stats.possible,
      authorised: d.stats.authorised,
      unauthorised: d.stats.unauthorised,
      attendancePct: d.stats.attendancePct,
      codeCounts: d.codeCounts,
      agreedSessions: this.agreedOf
        ? this.agreedOf(d.pupil, d.absences)
        : agreedAbsences(this.db, d.pupil.id, this.period.from, this.period.to, d.absences),
      atRiskLowerPct: this.school.atRiskLowerPct,
      letters: d.letters,
      meetingsHeld: [...d.meetings.filter((m) => m.held).map((m) => m.date), ...d.caseworkSteps],
      schoolDaysSince: (x) => this.cal.schoolDaysAfter(x, today),
      sameStageSchoolDays: this.school.settings.sameStageSchoolDays,
      improvementPoints: this.school.settings.improvementPoints,
    };
  }
}

// ---- merge values -----------------------------------------------------------------------------------------

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
  const { loader, data: d, household: h, spec } = i;
  const s = loader.school;
  const st = s.settings;
  const p = d.pupil;
  const first = knownAs(p);
  const period = loader.period;
  const officePhone = st.phone ?? "the school's main number";
  const children = [d, ...i.siblings];
  const signatoryName = st.signatoryName ?? s.championName ?? st.headName ?? 'The Headteacher';
  // G5: letters with legal weight are signed by the senior attendance champion or the headteacher
  const legalSigner = spec.legalWeight ? (s.championName ?? st.headName) : null;
  const lastLadder = [...d.letters]
    .filter((l) => l.attendancePct !== null && l.stage !== 'improvement')
    .pop();
  const nextMeeting = d.meetings
    .filter((m) => !m.held && m.date >= i.today)
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const support = [
    ...d.letters
      .filter((l) => l.stage !== 'first_day')
      .map((l) => `${formatLongDate(l.date)}: ${l.template.replace(/-/g, ' ')} letter (${l.reference})`),
    ...d.meetings.filter((m) => m.held).map((m) => `${formatLongDate(m.date)}: ${m.kind} meeting held`),
  ].sort();
  const lastN = [...d.absences].reverse().find((a) => a.code === 'N' || a.code === 'O');
  const cal = loader.cal;
  const v: Record<string, FieldValue> = {
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
    'signatory.name': legalSigner ?? signatoryName,
    'signatory.position': legalSigner
      ? s.championName
        ? (s.championPosition ?? 'Senior attendance champion')
        : 'Headteacher'
      : (st.signatoryPosition ?? s.championPosition ?? ''),
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
    'year.from': formatLongDate(`${academicYearOf(period.to)}-09-01`),
    'absences.list': {
      kind: 'table',
      header: ['Date', 'Session', 'Code', 'Meaning'],
      widths: [36, 13, 9, 42],
      empty: 'No absence was recorded in this period.',
      rows: d.absences.map((a) => [formatLongDate(a.date, true), SESSION_WORDS[a.session], a.code, a.label]),
    },
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
    'pattern.summary': patternSummary(d.absences, first),
    'health.paragraph': healthParagraph(d.stats, d.codeCounts, first),
    'absence.date': lastN ? formatLongDate(lastN.date, true) : '',
    'absence.session': lastN ? SESSION_WORDS[lastN.session] : '',
    'reply.by': formatLongDate(cal.nthSchoolDayAfter(i.letterDate, 1) ?? addDays(i.letterDate, 1), true),
    'support.history': support.length ? support : ['No earlier letters or meetings are recorded.'],
    'review.date': formatLongDate(cal.nthSchoolDayAfter(i.letterDate, 20) ?? addDays(i.letterDate, 28)),
    'nti.start': formatLongDate(cal.nthSchoolDayAfter(i.letterDate, 1) ?? addDays(i.letterDate, 1)),
    'nti.end': formatLongDate(cal.nthSchoolDayAfter(i.letterDate, 20) ?? addDays(i.letterDate, 28)),
    'figures.before': lastLadder?.attendancePct != null ? formatPct1(lastLadder.attendancePct) : '',
    'figures.after': formatPct1(d.stats.attendancePct),
    'term.name': termName(loader, period.to),
    'plan.reviewDate': formatLongDate(
      cal.nthSchoolDayAfter(nextMeeting?.date ?? i.letterDate, 10) ?? addDays(i.letterDate, 14),
    ),
  };
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
  for (const [k, raw] of Object.entries(i.extra)) {
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

/** "Autumn term 2025/26": the whole term (its half terms together) the period ends in (shared/terms.ts). */
function termName(loader: LetterDataLoader, d: IsoDate): string {
  const ranges = drizzle(loader.db)
    .select()
    .from(calendarRanges)
    .where(eq(calendarRanges.kind, 'term'))
    .all();
  return termAround(ranges, d)?.name ?? 'this term';
}
