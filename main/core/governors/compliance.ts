// Section 7 of the governor report, the compliance checks (docs/rules/governor-report.md). Each check is
// computed from the records where the app holds them; a check the app has no record for says so ("not recorded
// in the app") rather than guessing.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ComplianceSchema } from '../../../shared/channels/governors';
import { formatUkDate, isCompulsoryAge, type IsoDate } from '../../../shared/dates';
import { POLICY_STATE_LABELS } from '../../../shared/channels/policy';
import { plural } from '../../../shared/names';
import type { Ctx } from '../context';
import { loadCalendar } from '../calendar/calendar.service';
import { readSchool } from '../school/school.service';
import { statutoryLists } from '../figures/statutory.service';
import { chainHead, verifyChains } from '../trust/chains';
import { policyStatus } from '../policy/status';

export type ComplianceCheck = z.infer<typeof ComplianceSchema>;

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function addMinutes(hhmm: string, mins: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + mins;
  return `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export interface RegisterTimeliness {
  due: number;
  onTime: number;
  /** Registers due but not taken, or taken after they closed (takenAt null when not taken). */
  missed: { date: IsoDate; session: 'AM' | 'PM'; regGroup: string; takenAt: string | null }[];
}

/** Registers due (each registration group with a day pupil on roll, AM and PM, each school day to `to` or
 * today) and which were taken by the time they close; also read by the self-audit (docs/rules/self-audit.md). */
export function registerTimeliness(ctx: Ctx, from: IsoDate, to: IsoDate): RegisterTimeliness {
  const db = ctx.store.db;
  const school = readSchool(db);
  const cal = loadCalendar(db);
  const last = to < ctx.today() ? to : ctx.today();
  const pupils = db
    .prepare<[string, string], { g: string; a: string; l: string | null }>(
      'SELECT reg_group AS g, admission_date AS a, leaving_date AS l FROM pupils WHERE boarder = 0 ' +
        'AND admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)',
    )
    .all(last, from);
  const expected = new Set<string>();
  for (const d of cal.schoolDays(from, last)) {
    for (const p of pupils) {
      if (p.a <= d && (!p.l || p.l >= d)) {
        expected.add(`${d}|AM|${p.g}`).add(`${d}|PM|${p.g}`);
      }
    }
  }
  const taken = db
    .prepare<[string, string], { date: string; session: 'AM' | 'PM'; g: string; at: string }>(
      'SELECT date, session, reg_group AS g, taken_at AS at FROM registers_taken WHERE date >= ? AND date <= ?',
    )
    .all(from, last);
  const close = {
    AM: addMinutes(school?.amOpens ?? '08:40', school?.registerOpenMinutes ?? 30),
    PM: addMinutes(school?.pmOpens ?? '13:15', school?.registerOpenMinutes ?? 30),
  };
  // taken_at is an ISO instant; the register closes at the school's local (UK) time.
  const takenAt = new Map(
    taken
      .filter((t) => expected.has(`${t.date}|${t.session}|${t.g}`))
      .map((t) => [`${t.date}|${t.session}|${t.g}`, t]),
  );
  const inTime = (t: { date: string; session: 'AM' | 'PM'; at: string }) =>
    t.at.slice(0, 10) < t.date ||
    (t.at.slice(0, 10) === t.date && londonTime.format(new Date(t.at)) <= close[t.session]);
  const missed: RegisterTimeliness['missed'] = [];
  for (const key of [...expected].sort()) {
    const t = takenAt.get(key);
    if (!t || !inTime(t)) {
      const [date, session, regGroup] = key.split('|');
      missed.push({ date, session: session as 'AM' | 'PM', regGroup, takenAt: t?.at ?? null });
    }
  }
  return { due: expected.size, onTime: expected.size - missed.length, missed };
}

function registersByClose(ctx: Ctx, from: IsoDate, to: IsoDate): ComplianceCheck {
  const { due, onTime, missed } = registerTimeliness(ctx, from, to);
  const notTaken = missed.filter((m) => m.takenAt === null).length;
  const pct = due ? (100 * onTime) / due : null;
  return {
    check: 'registersByClose',
    label: 'Registers taken by the time they close',
    value:
      pct === null
        ? 'no registers were due'
        : `${pct.toFixed(1)}% (${onTime} of ${plural(due, 'register')} due; ${notTaken} not taken)`,
    status: pct === null || pct >= 95 ? 'ok' : 'attention',
  };
}

function unusualCodes(ctx: Ctx, from: IsoDate, to: IsoDate): ComplianceCheck {
  const rows = ctx.store.db
    .prepare<[string, string], { code: string; date: string; dob: string }>(
      `SELECT m.code, m.date, p.dob FROM marks m JOIN pupils p ON p.id = m.pupil_id
       WHERE m.date >= ? AND m.date <= ? AND m.code IN ('B', 'C2', 'Y7', 'X')`,
    )
    .all(from, to);
  const n = (c: string) => rows.filter((r) => r.code === c).length;
  const x = rows.filter((r) => r.code === 'X' && isCompulsoryAge(r.dob, r.date)).length;
  const total = n('B') + n('C2') + n('Y7') + x;
  return {
    check: 'unusualCodes',
    label: 'Unusual code use (B, C2, Y7, and X for compulsory-age pupils)',
    value: `B ${n('B')}, C2 ${n('C2')}, Y7 ${n('Y7')}, X for compulsory-age pupils ${x}`,
    status: total === 0 ? 'ok' : 'attention',
  };
}

function backupsTaken(ctx: Ctx, from: IsoDate, to: IsoDate): ComplianceCheck {
  // Every backup the app writes is checked after writing (a failed check leaves no file), so a backup file in
  // the backup folder beside the database is a verified one.
  const folder = path.join(path.dirname(path.resolve(ctx.store.path)), 'backups');
  const files = fs.existsSync(folder)
    ? fs.readdirSync(folder).filter((f) => {
        const d = fs.statSync(path.join(folder, f)).mtime.toISOString().slice(0, 10);
        return f.endsWith('.sqlite') && d >= from && d <= to;
      })
    : [];
  return {
    check: 'backups',
    label: 'Backups written and verified in the period',
    value: files.length ? plural(files.length, 'verified backup') : 'none found in the backup folder',
    status: files.length ? 'ok' : 'attention',
  };
}

/** The head of the statutory records' hash chains (docs/records-integrity.md): printed so that a later rewrite of
 * the registers is detectable against this copy of the report. */
function recordsChained(ctx: Ctx): ComplianceCheck {
  const head = chainHead(ctx.store.db);
  const broken = verifyChains(ctx.store.db).filter((c) => c.firstBroken !== null);
  return {
    check: 'chainHead',
    label: 'Register records sealed (chain head, to compare with later copies)',
    value: !head
      ? 'the records are not chained'
      : broken.length
        ? `${head}; broken: ${broken.map((c) => c.name.replace(/_/g, ' ')).join(', ')} (run verify)`
        : `${head}; every chain verifies`,
    status: head && !broken.length ? 'ok' : 'attention',
  };
}

/** The policy in force as the policy area records it (docs/rules/policy.md): approved, published, review not due. */
function policyInDate(ctx: Ctx, asOf: IsoDate): ComplianceCheck {
  const p = policyStatus(ctx.store.orm, asOf);
  const label = 'Attendance policy approved, published and in date';
  if (p.state === 'none' || p.state === 'draft' || p.version === null) {
    const value =
      p.state === 'draft' ? `version ${p.version} is a draft, not yet approved` : 'no policy is recorded';
    return { check: 'policy', label, value, status: 'attention' };
  }
  const approved = `version ${p.version}, approved on ${formatUkDate(p.approvedOn ?? '')}${p.approvedBy ? ` by ${p.approvedBy}` : ''}`;
  const review = p.nextReviewOn ? formatUkDate(p.nextReviewOn) : 'no date';
  const parts = [
    approved,
    p.state === 'published' ? 'published on the website' : 'not yet published',
    p.reviewDue ? `its review was due on ${review}` : `next review ${review}`,
  ];
  return {
    check: 'policy',
    label,
    value: `${parts.join('; ')} (${POLICY_STATE_LABELS[p.state].toLowerCase()})`,
    status: p.state === 'published' && !p.reviewDue ? 'ok' : 'attention',
  };
}

const notRecorded = (check: string, label: string): ComplianceCheck => ({
  check,
  label,
  value: 'not recorded in the app: the board should ask for it',
  status: 'not_recorded',
});

export function complianceChecks(ctx: Ctx, from: IsoDate, to: IsoDate, asOf: IsoDate): ComplianceCheck[] {
  const db = ctx.store.db;
  const school = readSchool(db);
  const overdue = statutoryLists(ctx, { asOf }).overdueN.length;
  // count() without GROUP BY: always one row, hence the `!`.
  const amend = db
    .prepare<[string, string], { n: number; m: number }>(
      'SELECT count(*) AS n, count(DISTINCT h.mark_id) AS m ' +
        'FROM mark_history h JOIN marks k ON k.id = h.mark_id WHERE k.date >= ? AND k.date <= ?',
    )
    .get(from, to)!;
  return [
    policyInDate(ctx, asOf),
    {
      check: 'champion',
      label: 'Senior attendance champion named',
      value: school?.championName
        ? `${school.championName}${school.championPosition ? `, ${school.championPosition}` : ''}`
        : 'no champion is named in the school settings',
      status: school?.championName ? 'ok' : 'attention',
    },
    registersByClose(ctx, from, to),
    {
      check: 'overdueN',
      label: 'N marks older than 5 school days (should be 0)',
      value: String(overdue),
      status: overdue === 0 ? 'ok' : 'attention',
    },
    {
      check: 'amendments',
      label: 'Register amendments in the period',
      value: `${plural(amend.n, 'amendment')} to ${plural(amend.m, 'mark')}, each with its reason on record`,
      status: 'ok',
    },
    unusualCodes(ctx, from, to),
    notRecorded('dataSharing', 'Daily attendance data shared with the DfE'),
    notRecorded('training', 'Staff training on attendance'),
    backupsTaken(ctx, from, to),
    recordsChained(ctx),
  ];
}
