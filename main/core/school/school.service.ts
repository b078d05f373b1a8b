// The school record (a single row) and first-run setup with its calendar.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Input, Output, School } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { school } from '../db/schema';
import { AppError } from '../errors';
import { addRange } from '../calendar/calendar.service';

/** The columns of the school's details, in the order the contract's School lists them. */
const DETAILS = {
  name: school.name,
  urn: school.urn,
  laCode: school.laCode,
  estab: school.estab,
  address: school.address,
  amOpens: school.amOpens,
  pmOpens: school.pmOpens,
  registerOpenMinutes: school.registerOpenMinutes,
  championName: school.championName,
  championPosition: school.championPosition,
  officerName: school.officerName,
  officerPhone: school.officerPhone,
  officerEmail: school.officerEmail,
  parentUpdates: school.parentUpdates,
  atRiskLowerPct: school.atRiskLowerPct,
};

export function readSchool(db: Db): School | null {
  return drizzle(db).select(DETAILS).from(school).where(eq(school.id, 1)).get() ?? null;
}

export function isDemo(db: Db): boolean {
  const r = drizzle(db).select({ d: school.isDemo }).from(school).where(eq(school.id, 1)).get();
  return !!r?.d;
}

export function createSchool(ctx: Ctx, s: School, opts: { demo?: boolean } = {}): void {
  if (readSchool(ctx.store.db)) {
    throw new AppError('conflict', 'This database already holds a school; nothing was changed.');
  }
  drizzle(ctx.store.db)
    .insert(school)
    .values({
      id: 1,
      name: s.name,
      urn: s.urn,
      laCode: s.laCode,
      estab: s.estab,
      address: s.address,
      amOpens: s.amOpens,
      pmOpens: s.pmOpens,
      registerOpenMinutes: s.registerOpenMinutes,
      championName: s.championName,
      championPosition: s.championPosition,
      officerName: s.officerName ?? null,
      officerPhone: s.officerPhone ?? null,
      officerEmail: s.officerEmail ?? null,
      parentUpdates: s.parentUpdates ?? null,
      atRiskLowerPct: s.atRiskLowerPct,
      isDemo: !!opts.demo,
      createdAt: ctx.now(),
    })
    .run();
  ctx.audit('school.create', 'school', 1, s);
}

export function setupSchool(ctx: Ctx, i: Input<'school.setup'>): Output<'school.setup'> {
  createSchool(ctx, i.school);
  const { from, to } = { from: `${i.academicYear}-09-01`, to: `${i.academicYear + 1}-08-31` };
  for (const r of i.ranges) {
    if (r.kind === 'term' && (r.dateFrom < from || r.dateTo > to)) {
      const year = `${i.academicYear}/${String((i.academicYear + 1) % 100).padStart(2, '0')}`;
      throw new AppError(
        'invalid',
        `The term ${r.dateFrom} to ${r.dateTo} is outside the academic year ${year}.`,
      );
    }
    addRange(ctx, r);
  }
  return { ok: true };
}

export function updateSchool(ctx: Ctx, s: Input<'school.update'>): Output<'school.update'> {
  const before = readSchool(ctx.store.db);
  if (!before) {
    throw new AppError('not_found', 'Set the school up first.');
  }
  drizzle(ctx.store.db)
    .update(school)
    .set({
      name: s.name,
      urn: s.urn,
      laCode: s.laCode,
      estab: s.estab,
      address: s.address,
      amOpens: s.amOpens,
      pmOpens: s.pmOpens,
      registerOpenMinutes: s.registerOpenMinutes,
      championName: s.championName,
      championPosition: s.championPosition,
      // a caller that does not send the policy's contacts keeps them as they were
      officerName: s.officerName === undefined ? (before.officerName ?? null) : s.officerName,
      officerPhone: s.officerPhone === undefined ? (before.officerPhone ?? null) : s.officerPhone,
      officerEmail: s.officerEmail === undefined ? (before.officerEmail ?? null) : s.officerEmail,
      parentUpdates: s.parentUpdates === undefined ? (before.parentUpdates ?? null) : s.parentUpdates,
      atRiskLowerPct: s.atRiskLowerPct,
    })
    .where(eq(school.id, 1))
    .run();
  ctx.audit('school.update', 'school', 1, { before, after: s });
  return { ok: true };
}
