// The school record (a single row) and first-run setup with its calendar.
import type { Input, Output, School } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { addRange } from '../calendar/calendar.service';

const SELECT = `SELECT name, urn, la_code AS laCode, estab, address, am_opens AS amOpens, pm_opens AS pmOpens,
  register_open_minutes AS registerOpenMinutes, champion_name AS championName, champion_position AS championPosition,
  officer_name AS officerName, officer_phone AS officerPhone, officer_email AS officerEmail, parent_updates AS parentUpdates,
  at_risk_lower_pct AS atRiskLowerPct FROM school WHERE id = 1`;

export function readSchool(db: Db): School | null {
  return (db.prepare(SELECT).get() as School | undefined) ?? null;
}

export function isDemo(db: Db): boolean {
  const r = db.prepare('SELECT is_demo AS d FROM school WHERE id = 1').get() as { d: number } | undefined;
  return !!r?.d;
}

export function createSchool(ctx: Ctx, s: School, opts: { demo?: boolean } = {}): void {
  if (readSchool(ctx.store.db)) {
    throw new AppError('conflict', 'This database already holds a school; nothing was changed.');
  }
  ctx.store.db
    .prepare(
      `INSERT INTO school (id, name, urn, la_code, estab, address, am_opens, pm_opens, register_open_minutes, champion_name, champion_position,
    officer_name, officer_phone, officer_email, parent_updates, at_risk_lower_pct, is_demo, created_at)
    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.name,
      s.urn,
      s.laCode,
      s.estab,
      s.address,
      s.amOpens,
      s.pmOpens,
      s.registerOpenMinutes,
      s.championName,
      s.championPosition,
      s.officerName ?? null,
      s.officerPhone ?? null,
      s.officerEmail ?? null,
      s.parentUpdates ?? null,
      s.atRiskLowerPct,
      opts.demo ? 1 : 0,
      ctx.now(),
    );
  ctx.audit('school.create', 'school', 1, s);
}

export function setupSchool(ctx: Ctx, i: Input<'school.setup'>): Output<'school.setup'> {
  createSchool(ctx, i.school);
  const { from, to } = { from: `${i.academicYear}-09-01`, to: `${i.academicYear + 1}-08-31` };
  for (const r of i.ranges) {
    if (r.kind === 'term' && (r.dateFrom < from || r.dateTo > to)) {
      throw new AppError(
        'invalid',
        `The term ${r.dateFrom} to ${r.dateTo} is outside the academic year ${i.academicYear}/${String((i.academicYear + 1) % 100).padStart(2, '0')}.`,
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
  ctx.store.db
    .prepare(
      `UPDATE school SET name = ?, urn = ?, la_code = ?, estab = ?, address = ?, am_opens = ?, pm_opens = ?, register_open_minutes = ?, champion_name = ?, champion_position = ?,
      officer_name = ?, officer_phone = ?, officer_email = ?, parent_updates = ?, at_risk_lower_pct = ? WHERE id = 1`,
    )
    .run(
      s.name,
      s.urn,
      s.laCode,
      s.estab,
      s.address,
      s.amOpens,
      s.pmOpens,
      s.registerOpenMinutes,
      s.championName,
      s.championPosition,
      // a caller that does not send the policy's contacts keeps them as they were
      s.officerName === undefined ? (before.officerName ?? null) : s.officerName,
      s.officerPhone === undefined ? (before.officerPhone ?? null) : s.officerPhone,
      s.officerEmail === undefined ? (before.officerEmail ?? null) : s.officerEmail,
      s.parentUpdates === undefined ? (before.parentUpdates ?? null) : s.parentUpdates,
      s.atRiskLowerPct,
    );
  ctx.audit('school.update', 'school', 1, { before, after: s });
  return { ok: true };
}
