// The attendance lead's band list with movement, and the pupils' attributes every figure reads (the dashboard is
// in dashboard.ts). Every figure is computed by shared/statistics (docs/rules/statistics.md); this file only reads
// the rows that feed it.
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, formatUkDate, type IsoDate } from '../../../shared/dates';
import { computePupilStats } from '../../../shared/statistics';
import { buildPeriodContext, type PeriodContext } from '../../../shared/statistics/periods';
import { isListed, type PupilStats } from '../../../shared/statistics/pupils';
import { bandOf, isPersistentOrSevere, type Band } from '../../../shared/statistics/rates';
import { addToTally } from '../../../shared/statistics/tallies';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { compareNames, pupilName } from '../../../shared/names';
import { loadCalendar } from '../calendar/calendar.service';
import { checkReportPeriod, loadPeriodMarks, type LoadedPupil } from '../reports/report-pupils';
import { ladderStages } from '../letters/ladder';
export interface PupilAttrs {
  id: number;
  upn: string;
  name: string;
  surname: string;
  forename: string;
  yearGroup: string;
  regGroup: string;
  sex: string;
  fsm: boolean;
  sen: string;
  cla: boolean;
  socialWorker: boolean;
  eal: boolean;
  dob: IsoDate;
  boarder: boolean;
  admissionDate: IsoDate;
  leavingDate: IsoDate | null;
}

/** The columns of `pupils` that pupilAttrs reads, as SQLite returns them (flags as 0 or 1). */
interface PupilAttrsRow {
  id: number;
  upn: string;
  forename: string;
  surname: string;
  sex: string;
  sen: string;
  dob: IsoDate;
  preferred_forename: string | null;
  year_group: string;
  reg_group: string;
  fsm: number;
  cla: number;
  social_worker: number;
  eal: number;
  boarder: number;
  admission_date: IsoDate;
  leaving_date: IsoDate | null;
}

/** The pupils whose dates overlap [from, to], with what the lists and cohorts need. */
export function pupilAttrs(db: Db, from: IsoDate, to: IsoDate): PupilAttrs[] {
  const rows = db
    .prepare<[IsoDate, IsoDate], PupilAttrsRow>(
      `SELECT id, upn, forename, preferred_forename, surname, year_group, reg_group, sex, fsm, sen, cla,
        social_worker, eal, dob, boarder, admission_date, leaving_date
      FROM pupils WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)`,
    )
    .all(to, from);
  return rows.map((r) => ({
    id: r.id,
    upn: r.upn,
    name: pupilName({ forename: r.forename, preferredForename: r.preferred_forename, surname: r.surname }),
    surname: r.surname,
    forename: r.forename,
    yearGroup: r.year_group,
    regGroup: r.reg_group,
    sex: r.sex,
    fsm: !!r.fsm,
    sen: r.sen,
    cla: !!r.cla,
    socialWorker: !!r.social_worker,
    eal: !!r.eal,
    dob: r.dob,
    boarder: !!r.boarder,
    admissionDate: r.admission_date,
    leavingDate: r.leaving_date || null,
  }));
}

/** The school year to date: 1 September of today's school year to today (the default period of every screen). */
export function yearToDate(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: `${academicYearOf(today)}-09-01`, to: today };
}

// ---- the band list -----------------------------------------------------------------------------------------

/** Movement between the band over [from, since] and over [from, to]: into and out of persistent and severe absence. */
export function movementOf(
  before: Band | null,
  now: Band | null,
  listedBefore: boolean,
): Output<'figures.bands'>['rows'][number]['movement'] {
  if (!listedBefore || before === null) {
    return now === null ? null : 'new';
  }
  if (now === 'severe' && before !== 'severe') {
    return 'entered_severe';
  }
  if (isPersistentOrSevere(now) && !isPersistentOrSevere(before)) {
    return 'entered_persistent';
  }
  if (before === 'severe' && now !== 'severe') {
    return isPersistentOrSevere(now) ? 'left_severe' : 'left_persistent';
  }
  if (isPersistentOrSevere(before) && !isPersistentOrSevere(now)) {
    return 'left_persistent';
  }
  return null;
}

export interface BandRowFull {
  attrs: PupilAttrs;
  figures: PupilStats;
  bandAtSince: Band | null;
  movement: ReturnType<typeof movementOf>;
}

/** Every listed pupil's figures over [from, to] (identical to `report pupils`) and their band at `since`. */
export function bandRows(
  db: Db,
  i: Input<'figures.bands'>,
): { period: { from: IsoDate; to: IsoDate; asOf: IsoDate }; since: IsoDate | null; rows: BandRowFull[] } {
  const period = checkReportPeriod(i);
  if (i.since !== undefined && (i.since < period.from || i.since > period.to)) {
    const within = `${formatUkDate(period.from)} to ${formatUkDate(period.to)}`;
    throw new AppError(
      'invalid',
      `The earlier date for movement (${formatUkDate(i.since)}) must be within the period ${within}.`,
    );
  }
  const { ctx: pctx, byId } = loadPeriodMarks(db, { ...period, since: i.since });
  const sinceCtx =
    i.since !== undefined
      ? buildPeriodContext(
          loadCalendar(db),
          { from: period.from, to: i.since },
          { atRiskLowerPct: pctx.atRiskLowerPct },
        )
      : null;
  const attrs = new Map(pupilAttrs(db, period.from, period.to).map((p) => [p.id, p]));
  const rows: BandRowFull[] = [];
  for (const x of byId.values()) {
    if (!isListed(pctx, x.pupil)) {
      continue;
    }
    const a = attrs.get(x.id)!;
    if (!matchesFilters(a, i)) {
      continue;
    }
    const figures = computePupilStats(pctx, x.pupil, x.marks, x.counted);
    if (i.band && (i.band === 'pa' ? !isPersistentOrSevere(figures.band) : figures.band !== i.band)) {
      continue;
    }
    const listedBefore = sinceCtx !== null && isListed(sinceCtx, x.pupil);
    const bandAtSince = sinceCtx && listedBefore ? bandToSince(x, sinceCtx, period.from) : null;
    rows.push({
      attrs: a,
      figures,
      bandAtSince,
      movement: sinceCtx ? movementOf(bandAtSince, figures.band, listedBefore) : null,
    });
  }
  rows.sort(
    (a, b) =>
      (b.figures.absencePct ?? -1) - (a.figures.absencePct ?? -1) ||
      compareNames(a.attrs.surname, b.attrs.surname) ||
      compareNames(a.attrs.upn, b.attrs.upn),
  );
  return { period, since: i.since ?? null, rows };
}

/** Whether a pupil is in the groups the band list was asked for (year, registration group, sex, flag). */
function matchesFilters(a: PupilAttrs, i: Input<'figures.bands'>): boolean {
  if (i.yearGroup && a.yearGroup !== i.yearGroup) {
    return false;
  }
  if (i.regGroup && a.regGroup !== i.regGroup) {
    return false;
  }
  if (i.sex && a.sex !== i.sex) {
    return false;
  }
  return !i.flag || flagOf(a, i.flag);
}

/** A pupil's band over [from, since]: it needs only possible and absence, so the count-only tally up to `since`
 * plus the dated marks up to it. */
function bandToSince(x: LoadedPupil, sinceCtx: PeriodContext, from: IsoDate): Band | null {
  const t = { ...x.countedToSince };
  for (const m of x.marks) {
    if (m.date > sinceCtx.to) {
      break;
    }
    if (m.date >= from) {
      addToTally(t, m.code, m.date, 1);
    }
  }
  return bandOf(t.authorised + t.unauthorised, t.possible, sinceCtx.atRiskLowerPct);
}

export function flagOf(a: PupilAttrs, flag: NonNullable<Input<'figures.bands'>['flag']>): boolean {
  switch (flag) {
    case 'fsm':
      return a.fsm;
    case 'senSupport':
      return a.sen === 'K';
    case 'ehcPlan':
      return a.sen === 'E';
    case 'lookedAfter':
      return a.cla;
    case 'socialWorker':
      return a.socialWorker;
    case 'eal':
      return a.eal;
  }
}

/** How many listed pupils are in each band, and how many moved into and out of persistent and severe absence since
 * the earlier date (pupils new to the list since then are not movement). */
function bandCounts(rows: BandRowFull[], since: IsoDate | null) {
  const counts = { severe: 0, persistent: 0, at_risk: 0, expected: 0, none: 0 };
  const movement = { enteredPersistent: 0, leftPersistent: 0, enteredSevere: 0, leftSevere: 0 };
  for (const r of rows) {
    counts[r.figures.band ?? 'none']++;
    if (since === null || r.movement === 'new') {
      continue;
    }
    const before = r.bandAtSince;
    const now = r.figures.band;
    if (!isPersistentOrSevere(before) && isPersistentOrSevere(now)) {
      movement.enteredPersistent++;
    }
    if (isPersistentOrSevere(before) && !isPersistentOrSevere(now)) {
      movement.leftPersistent++;
    }
    if (before !== 'severe' && now === 'severe') {
      movement.enteredSevere++;
    }
    if (before === 'severe' && now !== 'severe') {
      movement.leftSevere++;
    }
  }
  return { counts, movement };
}

export function bands(ctx: Ctx, i: Input<'figures.bands'>): Output<'figures.bands'> {
  const db = ctx.store.db;
  const { period, since, rows } = bandRows(db, i);
  const { counts, movement } = bandCounts(rows, since);
  // The letter ladder (letters sent, meetings held); a next step is suggested only where the band calls for one.
  const stages = ladderStages(
    db,
    rows.map((r) => r.attrs.id),
  );
  const ladderOf = (id: number, band: string | null) => {
    const l = stages.get(id);
    return l
      ? { stage: l.stage, label: l.label, nextStep: band === 'expected' || band === null ? null : l.nextStep }
      : null;
  };
  const regGroups = db
    .prepare<[], string>('SELECT DISTINCT reg_group FROM pupils ORDER BY reg_group')
    .pluck()
    .all();
  return {
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    since,
    counts,
    movement,
    regGroups,
    rows: rows.map((r) => ({
      pupilId: r.attrs.id,
      upn: r.attrs.upn,
      name: r.attrs.name,
      yearGroup: r.attrs.yearGroup,
      regGroup: r.attrs.regGroup,
      figures: r.figures,
      band: r.figures.band,
      bandAtSince: r.bandAtSince,
      movement: r.movement,
      ladderStage: ladderOf(r.attrs.id, r.figures.band),
    })),
  };
}
