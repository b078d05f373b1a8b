// Everything a letter is merged from, read from the database: the school and letterhead, the pupil, the
// addressees by household (G8), the figures over the period (docs/rules/statistics.md via shared/statistics,
// G7), the absences by code and date, the rolling penalty window, the letters and meetings so far.
// The letter's field values made from them are in merge-values.ts.
import type { Db } from '../db/connection';
import { AppError, noSuchPupil } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import type { Calendar } from '../../../shared/calendar';
import { academicYearOf, addDays, isCompulsoryAge, mondayOf, type IsoDate } from '../../../shared/dates';
import { computePupilStats } from '../../../shared/statistics';
import { markCategory } from '../../../shared/statistics/code-eras';
import type { StatsMark } from '../../../shared/statistics/marks';
import { PENALTY_WINDOW_WEEKS } from '../../../shared/statistics/penalty-windows';
import { buildPeriodContext } from '../../../shared/statistics/periods';
import type { PupilStats } from '../../../shared/statistics/pupils';
import { DEFAULT_AT_RISK_LOWER_PCT } from '../../../shared/statistics/rates';
import { readLettersSettings, type LettersSettings } from './settings';
import { codeLabels, loaderQueries, schoolRow, type LoaderQueries } from './letter-rows';
import type { GuardFacts, PastLetter } from './guardrails';
import { agreedAbsences, agreedAbsencesOf } from '../arrangements/queries';
import type { TemplateSpec } from './templates';
import { caseworkSupportDates } from './ladder';
import { REGS_2024_START } from '../../../shared/codes';
import { pupilName } from '../../../shared/names';

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
    const { to } = this.period;
    const marks: StatsMark[] = this.q.marks.all({ pupilId, from: this.earliestMarkDate(), to });
    const stats = computePupilStats(this.pctx, { upn: pupil.upn }, marks);
    const yearStats = this.yearCtx ? computePupilStats(this.yearCtx, { upn: pupil.upn }, marks) : stats;
    const { codeCounts, absences } = this.absencesOf(marks);
    const pnWindow = this.penaltyWindowOf(marks);
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
      pnWindow,
      compulsoryAge: isCompulsoryAge(pupil.dob, this.period.asOf),
      letters,
      meetings,
      caseworkSteps: caseworkSupportDates(db, pupilId),
    };
  }

  /** The absences of the period on school days, each with its code's label, and how many of each code. */
  private absencesOf(marks: StatsMark[]): { codeCounts: Record<string, number>; absences: Absence[] } {
    const { from, to } = this.period;
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
    return { codeCounts, absences };
  }

  /** The rolling window the letter quotes: the last 10 school weeks up to the week of `to`, and the unauthorised
   * sessions (G N O U from 19 August 2024) on school days in it. */
  private penaltyWindowOf(marks: StatsMark[]): { from: IsoDate; to: IsoDate; sessions: number } {
    const { from, to } = this.period;
    let weeks = 0;
    let wFrom = mondayOf(to);
    for (let m = mondayOf(to); weeks < PENALTY_WINDOW_WEEKS && m >= '2000-01-01'; m = addDays(m, -7)) {
      if (this.cal.isSchoolWeek(m)) {
        weeks++;
        wFrom = m;
      }
      if (m < addDays(from, -400)) {
        break;
      }
    }
    let sessions = 0;
    for (const m of marks) {
      if (
        m.date >= wFrom &&
        m.date <= to &&
        m.date >= REGS_2024_START &&
        markCategory(m.code, m.date) === 'unauthorised' &&
        this.cal.isSchoolDay(m.date)
      ) {
        sessions++;
      }
    }
    return { from: wFrom, to, sessions };
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
