// The letter ladder (docs/rules/letters.md §1.3): the labels of its stages (shared/ladder.ts), and each pupil's
// stage, which follows from the letters logged and the meetings held, with the next step it suggests. The figures
// helper's band lists call ladderStages.
import type { Db } from '../db/connection';
import type { IsoDate } from '../../../shared/dates';
import { LADDER, type LadderStage } from '../../../shared/ladder';

export const LADDER_LABELS: Record<LadderStage, string> = {
  none: 'None',
  concern: 'Concern',
  meeting: 'Meeting',
  formal_warning: 'Formal warning',
  notice_to_improve: 'Notice to improve',
  penalty_notice: 'Penalty notice warning',
};

/** The casework meetings that count on the ladder as a meeting held (docs/rules/casework.md): every kind but
 * an informal conversation. With the letters' own held attendance meetings, this is the one count of
 * meetings. */
export const LADDER_CASEWORK_MEETING_KINDS = ['attendance', 'formal', 'reintegration', 'review'] as const;
const CASEWORK_KINDS_SQL = LADDER_CASEWORK_MEETING_KINDS.map((k) => `'${k}'`).join(',');

/** Meetings held per pupil: letter meetings held (attendance) and casework meetings of the kinds that count. */
export function heldMeetingsSql(placeholders: string): string {
  return `SELECT pid, count(*) AS n FROM (
    SELECT pupil_id AS pid FROM letter_meetings WHERE held = 1 AND kind = 'attendance' AND pupil_id IN (${placeholders})
    UNION ALL SELECT pupil_id FROM casework_meetings WHERE kind IN (${CASEWORK_KINDS_SQL}) AND pupil_id IN (${placeholders})
  ) GROUP BY pid`;
}

/** G1 (support first): the dates of the casework support steps on record: any meeting, plan or referral. */
export function caseworkSupportDates(db: Db, pupilId: number): IsoDate[] {
  return db
    .prepare<[number, number, number], { d: string }>(
      `SELECT date AS d FROM casework_meetings WHERE pupil_id = ?
     UNION ALL SELECT start_on FROM casework_plans WHERE pupil_id = ?
     UNION ALL SELECT made_on FROM casework_referrals WHERE pupil_id = ?`,
    )
    .all(pupilId, pupilId, pupilId)
    .map((r) => r.d);
}

export interface LadderInfo {
  stage: LadderStage;
  label: string;
  nextStep: string;
  nextTemplate: string | null;
  lastLetterAt: string | null;
  meetingsHeld: number;
}

const NEXT: Record<LadderStage, [string, string | null]> = {
  none: ['Send an attendance concern letter (or the health variant)', 'attendance-concern'],
  concern: ['Invite the family to an attendance meeting', 'attendance-meeting'],
  meeting: ['Formal warning, if the support agreed is not working', 'formal-warning'],
  formal_warning: ['Notice to improve, if attendance has not improved', 'notice-to-improve'],
  notice_to_improve: ['Penalty-notice warning, if the improvement period was not met', 'penalty-warning'],
  penalty_notice: ['Refer to the local authority under its code of conduct', null],
};

/** The stage, next step and last letter date of each pupil asked for (pupils with nothing logged are at 'none'). */
export function ladderStages(db: Db, pupilIds: readonly number[]): Map<number, LadderInfo> {
  const out = new Map<number, LadderInfo>();
  const rank = new Map<number, number>();
  const last = new Map<number, string>();
  const held = new Map<number, number>();
  const invited = new Set<number>();
  const ids = [...new Set(pupilIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const q = chunk.map(() => '?').join(',');
    const rows = db
      .prepare<number[], { pid: number; stage: string; at: string }>(
        `SELECT l.pupil_id AS pid, l.stage, l.generated_at AS at FROM letter_log l WHERE l.pupil_id IN (${q})
      UNION ALL SELECT j.value AS pid, l.stage, l.generated_at FROM letter_log l, json_each(l.sibling_ids) j` +
          ` WHERE l.sibling_ids <> '[]' AND j.value IN (${q})`,
      )
      .all(...chunk, ...chunk);
    for (const r of rows) {
      const k = LADDER.indexOf(r.stage as LadderStage);
      if (k > 0 && k > (rank.get(r.pid) ?? 0)) {
        rank.set(r.pid, k);
      }
      if (r.stage === 'meeting') {
        invited.add(r.pid);
      }
      if (!last.has(r.pid) || r.at > last.get(r.pid)!) {
        last.set(r.pid, r.at);
      }
    }
    const ms = db.prepare<number[], { pid: number; n: number }>(heldMeetingsSql(q)).all(...chunk, ...chunk);
    for (const m of ms) {
      held.set(m.pid, m.n);
      if ((rank.get(m.pid) ?? 0) < 2) {
        rank.set(m.pid, 2);
      }
    }
  }
  for (const id of ids) {
    const stage = LADDER[rank.get(id) ?? 0];
    let [nextStep, nextTemplate] = NEXT[stage];
    if (stage === 'meeting' && !held.get(id) && invited.has(id)) {
      nextStep = 'Hold the attendance meeting and record it';
      nextTemplate = null;
    }
    out.set(id, {
      stage,
      label: LADDER_LABELS[stage],
      nextStep,
      nextTemplate,
      lastLetterAt: last.get(id) ?? null,
      meetingsHeld: held.get(id) ?? 0,
    });
  }
  return out;
}
