// Self-audit items about the school as a whole (docs/rules/self-audit.md): the policy, the senior attendance
// champion, termly LA targeting meetings, termly governor reports, termly updates to parents, verified backups
// and staff training. Each reads the owning area's exported functions.
import { and, gte, isNull, lte, or } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { addDays, formatUkDate } from '../../../shared/dates';
import { plural } from '../../../shared/names';
import { POLICY_STATE_LABELS } from '../../../shared/channels/policy';
import { readSchool } from '../school/school.service';
import { policyStatus } from '../policy/status';
import { listLaMeetings } from '../arrangements/la-meeting';
import { listReports } from '../governors/produce';
import { pupilsLetteredWith } from '../letters/log-read';
import { backupFolder } from '../backups/schedule';
import { listBackups } from '../backups/backup';
import { pupils } from '../db/schema';
import { answeredBySchool, pupilRow, ratioEvidence, type Evidence, type Compute } from './evidence';

/** The letter template of the termly attendance update to every family (docs/rules/letters.md). */
const UPDATE_TEMPLATE = 'termly-update';
/** The newest verified backup should be at most this many days older than the audit date. */
export const BACKUP_FRESH_DAYS = 7;

const counted = (count: number, what: string, rows: Evidence['rows']): Evidence => ({
  figure: plural(count, what),
  shortfall: count ? 0 : 1,
  measured: count,
  proposed: count ? 'met' : 'not_met',
  rows,
});

export const schoolEvidence = {
  policy(ctx, p) {
    const st = policyStatus(ctx.store.orm, p.asOf);
    const inDate = st.nextReviewOn !== null && !st.reviewDue;
    const review = st.nextReviewOn ? `review due ${formatUkDate(st.nextReviewOn)}` : 'no review date';
    return {
      figure:
        st.state === 'none' || st.state === 'draft'
          ? POLICY_STATE_LABELS[st.state]
          : `${POLICY_STATE_LABELS[st.state]} (version ${st.version}); ${review}`,
      shortfall: st.state === 'published' && inDate ? 0 : 1,
      measured: 1,
      proposed:
        st.state === 'published' && inDate
          ? 'met'
          : st.state === 'published' || st.state === 'approved'
            ? 'partly_met'
            : 'not_met',
      rows: st.publishedUrl ? [{ label: 'Published at', detail: st.publishedUrl, href: null }] : [],
    };
  },
  champion(ctx) {
    const s = readSchool(ctx.store.db);
    const name = s?.championName?.trim();
    const position = s?.championPosition?.trim();
    return {
      figure: name ? `${name}${position ? `, ${position}` : ' (no position given)'}` : 'nobody is named',
      shortfall: name ? 0 : 1,
      measured: 1,
      proposed: name ? (position ? 'met' : 'partly_met') : 'not_met',
      rows: [],
    };
  },
  la_meetings(ctx, p) {
    const held = listLaMeetings(ctx).meetings.filter((m) => m.heldOn >= p.from && m.heldOn <= p.asOf);
    const rows = held.map((m) => ({
      label: formatUkDate(m.heldOn),
      detail: `${m.officer}; ${plural(m.pupils.length, 'pupil')} discussed`,
      href: '#/arrangements',
    }));
    return counted(held.length, 'meeting', rows);
  },
  governor_reports(ctx, p) {
    const reports = listReports(ctx).reports.filter((r) => r.from <= p.to && r.to >= p.from);
    const rows = reports.map((r) => ({
      label: r.title,
      detail: `produced ${formatUkDate(r.producedAt.slice(0, 10))} by ${r.producedBy}`,
      href: '#/governors',
    }));
    return counted(reports.length, 'final report', rows);
  },
  parents_updated(ctx, p) {
    const db = ctx.store.db;
    const onRoll = drizzle(db)
      .select()
      .from(pupils)
      .where(
        and(
          lte(pupils.admissionDate, p.asOf),
          or(isNull(pupils.leavingDate), gte(pupils.leavingDate, p.asOf)),
        ),
      )
      .all();
    const told = pupilsLetteredWith(db, UPDATE_TEMPLATE, p.from, p.to);
    const rows = onRoll.filter((x) => !told.has(x.id)).map((x) => pupilRow(x, 'no termly update this term'));
    return ratioEvidence(
      onRoll.length - rows.length,
      onRoll.length,
      { met: 95, partly: 50 },
      rows,
      'no pupils on roll',
    );
  },
  backups(ctx, p) {
    const inPeriod = listBackups(backupFolder(ctx.store)).filter(
      (b) => b.takenAt.slice(0, 10) >= p.from && b.takenAt.slice(0, 10) <= p.asOf,
    );
    const verified = inPeriod.filter((b) => b.checked);
    const newest = verified[0]?.takenAt.slice(0, 10) ?? null;
    const rows = inPeriod.map((b) => ({
      label: formatUkDate(b.takenAt.slice(0, 10)),
      detail: `${b.kind}; ${b.checked ? 'verified' : 'NOT verified'}`,
      href: '#/backups',
    }));
    return {
      figure: newest
        ? `${plural(verified.length, 'verified backup')}; newest ${formatUkDate(newest)}`
        : 'no verified backup in the period',
      shortfall: inPeriod.length - verified.length,
      measured: inPeriod.length,
      proposed: !newest ? 'not_met' : newest >= addDays(p.asOf, -BACKUP_FRESH_DAYS) ? 'met' : 'partly_met',
      rows,
    };
  },
  staff_trained: () => answeredBySchool('answered by the school'),
} satisfies Record<string, Compute>;
