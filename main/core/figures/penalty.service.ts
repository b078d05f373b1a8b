// The register of penalty notices (docs/rules/statistics.md §6, national framework from 19 Aug 2024): notices to
// improve and penalty notices, each linked to the unauthorised marks it relies on, the checks a notice passes
// before it is recorded, and its status changes. Notices are statutory records: append-only, with every status
// change kept as an event. The tracker of pupils at or near the threshold is in penalty-tracker.ts.
//
// Project decisions where the framework leaves a choice (documented in the README's figures section):
// - a mark supports at most one notice of each kind (a penalty notice may rely on the marks of the notice to
//   improve that preceded it, as local codes of conduct expect, but never on another penalty notice's marks);
// - a withdrawn notice releases its marks and does not count toward the limit of 2 penalty notices to the same
//   parent for the same child within 3 years;
// - a penalty notice relies on at least 10 G N O U sessions within 10 consecutive school weeks.
import type { Input, Output } from '../../../shared/contract';
import { REGS_2024_START } from '../../../shared/codes';
import { addDays, isCompulsoryAge, type IsoDate } from '../../../shared/dates';
import { PENALTY_THRESHOLD_SESSIONS, PENALTY_WINDOW_WEEKS } from '../../../shared/statistics/penalty-windows';
import type { Calendar } from '../../../shared/calendar';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadPupil } from '../pupils/load';
import { pupilName } from '../../../shared/names';
import { loadCalendar } from '../calendar/calendar.service';
import { lastWindowStart, MAX_NOTICES_IN_3_YEARS, threeYearsAfter, threeYearsBefore } from './penalty-limits';
import {
  citedMarks,
  eventsOf,
  marksByIds,
  marksOfNotice,
  marksTaken,
  noticeById,
  noticesOf,
  parentsOf,
  penaltyCodeMarks,
  priorPenaltyNotices,
  type NoticeKind,
} from './penalty-rows';

const uk = (d: IsoDate) => d.split('-').reverse().join('/');

/** The number of school weeks from the week of `a` to the week of `b` (a <= b), both included. */
function schoolWeeksSpanned(cal: Calendar, a: IsoDate, b: IsoDate): number {
  return cal.schoolWeeks(a, b).length;
}

export const parentKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The pupil as the notices show them (typed row from the pupils area's loader). */
function pupilRef(ctx: Ctx, pupilId: number) {
  const p = loadPupil(ctx.store.orm, pupilId);
  return {
    pupilId: p.id,
    upn: p.upn,
    name: pupilName(p),
    yearGroup: p.yearGroup,
    regGroup: p.regGroup,
    dob: p.dob,
  };
}

export function notices(ctx: Ctx, i: Input<'penalty.notices'>): Output<'penalty.notices'> {
  const db = ctx.store.db;
  const asOf = i.asOf ?? ctx.today();
  const { dob, ...ref } = pupilRef(ctx, i.pupilId);
  const orm = ctx.store.orm;
  const parents = parentsOf(orm, i.pupilId);
  const list = noticesOf(orm, i.pupilId).map((n) => ({
    id: n.id,
    kind: n.kind,
    issuedOn: n.issuedOn,
    parentName: n.parentName,
    amount: n.amount,
    note: n.note,
    status: n.status,
    recordedBy: n.recordedBy,
    recordedAt: n.recordedAt,
    events: eventsOf(orm, n.id),
    marks: marksOfNotice(orm, n.id),
  }));
  const cal = loadCalendar(db);
  const winStart = lastWindowStart(cal, asOf);
  const citedBy = new Map<number, { noticeId: number; kind: NoticeKind }[]>();
  for (const c of citedMarks(orm, i.pupilId)) {
    citedBy.set(c.markId, [...(citedBy.get(c.markId) ?? []), { noticeId: c.noticeId, kind: c.kind }]);
  }
  const lookBack = addDays(asOf, -400) > REGS_2024_START ? addDays(asOf, -400) : REGS_2024_START;
  const candidates = penaltyCodeMarks(orm, i.pupilId, lookBack, asOf).map((m) => ({
    ...m,
    inLastWindow: m.date >= winStart,
    citedBy: citedBy.get(m.markId) ?? [],
  }));
  return {
    pupil: { ...ref, compulsoryAge: isCompulsoryAge(dob, asOf) },
    parents,
    notices: list,
    candidateMarks: candidates,
  };
}

type PupilRef = ReturnType<typeof pupilRef>;
type ChosenMark = ReturnType<typeof marksByIds>[number];

export function recordNotice(ctx: Ctx, i: Input<'penalty.record'>): Output<'penalty.record'> {
  const p = pupilRef(ctx, i.pupilId);
  const kindName = i.kind === 'penalty_notice' ? 'penalty notice' : 'notice to improve';
  checkNoticeDetails(ctx, i, p, kindName);
  const ids = [...new Set(i.markIds)];
  const marks = marksByIds(ctx.store.orm, ids);
  checkChosenMarks(i, ids, marks, kindName);
  checkMarksNotTaken(ctx, ids, i.kind, kindName);
  if (i.kind === 'penalty_notice') {
    checkPenaltyNotice(ctx, i, p, marks);
  }
  const id = insertNotice(ctx, i, marks);
  ctx.audit('penalty.record', 'penalty_notice', id, { ...i, markIds: marks.map((m) => m.id) });
  return { id };
}

/** Refuses a notice dated in the future or before the 2024 framework, for a pupil outside compulsory school age,
 * or with an amount that does not fit its kind (a penalty notice has one, a notice to improve none). */
function checkNoticeDetails(ctx: Ctx, i: Input<'penalty.record'>, p: PupilRef, kindName: string): void {
  if (i.issuedOn > ctx.today()) {
    throw new AppError('invalid', `The issue date ${uk(i.issuedOn)} is in the future.`);
  }
  if (i.issuedOn < REGS_2024_START) {
    throw new AppError(
      'invalid',
      'Notices before 19 August 2024 were issued under the old framework and are not recorded here.',
    );
  }
  if (!isCompulsoryAge(p.dob, i.issuedOn)) {
    throw new AppError(
      'refused',
      `${p.name} is not of compulsory school age on ${uk(i.issuedOn)}: ` +
        `a ${kindName} is never issued for a pupil outside compulsory school age.`,
    );
  }
  if (i.kind === 'penalty_notice' && i.amount === null) {
    throw new AppError(
      'invalid',
      'Say the amount of the penalty notice: £80 (paid within 21 days) or £160.',
      [{ path: 'amount', message: 'choose £80 or £160' }],
    );
  }
  if (i.kind === 'notice_to_improve' && i.amount !== null) {
    throw new AppError('invalid', 'A notice to improve carries no payment: leave the amount empty.', [
      { path: 'amount', message: 'no amount for a notice to improve' },
    ]);
  }
}

/** Refuses chosen marks that do not exist, are another pupil's, are not unauthorised absence (G, N, O or U), are
 * before the national threshold began, or are after the notice's date; every such mark is named at once. */
function checkChosenMarks(
  i: Input<'penalty.record'>,
  ids: number[],
  marks: ChosenMark[],
  kindName: string,
): void {
  const issues: { path: string; message: string }[] = [];
  const found = new Set(marks.map((m) => m.id));
  for (const id of ids) {
    if (!found.has(id)) {
      issues.push({ path: 'markIds', message: `mark ${id} does not exist` });
    }
  }
  for (const m of marks) {
    const where = `${uk(m.date)} ${m.session}`;
    if (m.pupilId !== i.pupilId) {
      issues.push({ path: 'markIds', message: `the mark of ${where} is another pupil's` });
    } else if (!['G', 'N', 'O', 'U'].includes(m.code)) {
      issues.push({
        path: 'markIds',
        message: `${where} is coded ${m.code}, not unauthorised absence (G, N, O or U)`,
      });
    } else if (m.date < REGS_2024_START) {
      issues.push({
        path: 'markIds',
        message: `${where} is before 19 August 2024, when the national threshold began`,
      });
    } else if (m.date > i.issuedOn) {
      issues.push({ path: 'markIds', message: `${where} is after the notice's date` });
    }
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `Some of the chosen marks cannot support a ${kindName}: ${issues.map((x) => x.message).join('; ')}.`,
      issues,
    );
  }
}

/** The same marks never support two notices of the same kind (withdrawn notices release theirs). */
function checkMarksNotTaken(ctx: Ctx, ids: number[], kind: NoticeKind, kindName: string): void {
  const taken = marksTaken(ctx.store.orm, ids, kind);
  if (taken.length) {
    const dates = [...new Set(taken.map((t) => uk(t.issuedOn)))].join(', ');
    throw new AppError(
      'conflict',
      `${taken.length} of the chosen marks already support the ${kindName} of ${dates} (${taken
        .slice(0, 5)
        .map((t) => `${uk(t.date)} ${t.session}`)
        .join(', ')}${taken.length > 5 ? ' …' : ''}). The same marks cannot support a second ${kindName}.`,
    );
  }
}

/** A penalty notice's own rules: enough sessions within 10 consecutive school weeks, at most 2 notices to the same
 * parent for the same child in 3 years, and £160 for the second. */
function checkPenaltyNotice(ctx: Ctx, i: Input<'penalty.record'>, p: PupilRef, marks: ChosenMark[]): void {
  const cal = loadCalendar(ctx.store.db);
  if (marks.length < PENALTY_THRESHOLD_SESSIONS) {
    throw new AppError(
      'invalid',
      `A penalty notice relies on at least ${PENALTY_THRESHOLD_SESSIONS} sessions of unauthorised absence ` +
        `within ${PENALTY_WINDOW_WEEKS} consecutive school weeks; ${marks.length} chosen.`,
    );
  }
  const span = schoolWeeksSpanned(cal, marks[0].date, marks[marks.length - 1].date);
  if (span > PENALTY_WINDOW_WEEKS) {
    throw new AppError(
      'invalid',
      `The chosen marks (${uk(marks[0].date)} to ${uk(marks[marks.length - 1].date)}) span ${span} school weeks: ` +
        `a penalty notice relies on sessions within ${PENALTY_WINDOW_WEEKS} consecutive school weeks.`,
    );
  }
  const key = parentKey(i.parentName);
  const prior = priorPenaltyNotices(
    ctx.store.orm,
    i.pupilId,
    key,
    threeYearsBefore(i.issuedOn),
    threeYearsAfter(i.issuedOn),
  );
  if (prior.length >= MAX_NOTICES_IN_3_YEARS) {
    throw new AppError(
      'refused',
      `${i.parentName.trim()} has already received ${prior.length} penalty notices for ${p.name} within 3 years ` +
        `(${prior.map((x) => uk(x.issuedOn)).join(' and ')}). ` +
        `A parent may receive at most ${MAX_NOTICES_IN_3_YEARS} penalty notices for the same child in 3 years: ` +
        'for this breach the school must choose another route (for example prosecution or an education ' +
        "supervision order, under the local authority's code of conduct).",
    );
  }
  if (prior.length === 1 && i.amount !== 160) {
    throw new AppError(
      'invalid',
      `This is the second penalty notice to ${i.parentName.trim()} for ${p.name} within 3 years ` +
        `(the first on ${uk(prior[0].issuedOn)}): a second notice is £160.`,
      [{ path: 'amount', message: 'a second notice is £160' }],
    );
  }
}

/** Writes the notice, links it to the marks it relies on and records its first event (issued); returns its id. */
function insertNotice(ctx: Ctx, i: Input<'penalty.record'>, marks: ChosenMark[]): number {
  const db = ctx.store.db;
  const now = ctx.now();
  const id = Number(
    db
      .prepare(
        `INSERT INTO penalty_notices (pupil_id, kind, issued_on, parent_name, parent_key, amount, note, recorded_by,
          position, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        i.pupilId,
        i.kind,
        i.issuedOn,
        i.parentName.trim(),
        parentKey(i.parentName),
        i.amount,
        i.note?.trim() || null,
        ctx.session.userName,
        ctx.session.position,
        now,
      ).lastInsertRowid,
  );
  const link = db.prepare('INSERT INTO penalty_notice_marks (notice_id, mark_id) VALUES (?, ?)');
  for (const m of marks) {
    link.run(id, m.id);
  }
  db.prepare(
    "INSERT INTO penalty_notice_events (notice_id, status, on_date, reason, by, at) VALUES (?, 'issued', ?, NULL, ?, ?)",
  ).run(id, i.issuedOn, ctx.session.userName, now);
  return id;
}

export function updateNotice(ctx: Ctx, i: Input<'penalty.update'>): Output<'penalty.update'> {
  const db = ctx.store.db;
  const n = noticeById(ctx.store.orm, i.noticeId);
  if (!n) {
    throw new AppError('not_found', 'There is no such notice.');
  }
  if (n.status === 'withdrawn') {
    throw new AppError(
      'refused',
      'This notice was withdrawn; a withdrawn notice stays withdrawn (record a new notice if one is issued).',
    );
  }
  if (n.status === i.status) {
    throw new AppError('conflict', `The notice is already recorded as ${i.status}.`);
  }
  if (n.kind === 'notice_to_improve' && i.status !== 'withdrawn') {
    throw new AppError('invalid', 'A notice to improve is not paid or prosecuted; it can only be withdrawn.');
  }
  if (i.onDate < n.issuedOn) {
    throw new AppError(
      'invalid',
      `The date ${uk(i.onDate)} is before the notice was issued (${uk(n.issuedOn)}).`,
    );
  }
  if (i.onDate > ctx.today()) {
    throw new AppError('invalid', `The date ${uk(i.onDate)} is in the future.`);
  }
  db.prepare(
    'INSERT INTO penalty_notice_events (notice_id, status, on_date, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(n.id, i.status, i.onDate, i.reason, ctx.session.userName, ctx.now());
  ctx.audit('penalty.update', 'penalty_notice', n.id, i);
  return { ok: true };
}
