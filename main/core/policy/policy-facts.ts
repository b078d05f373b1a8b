// Every fact the attendance policy states, read from what the app holds (docs/rules/policy.md): the school's
// settings, the letterhead settings, the accounts the headteacher authorised to decide leave, and the version
// being merged. A fact that is not recorded is never guessed: the policy is refused with the setting to fill.
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { readSchool } from '../school/school.service';
import { readLettersSettings } from '../letters/settings';
import { clock } from '../letters/merge-values';
import { users } from '../db/schema-auth';
import { formatLongDate, type IsoDate } from '../../../shared/dates';
import { PENALTY_THRESHOLD_SESSIONS, PENALTY_WINDOW_WEEKS } from '../../../shared/statistics/penalty-windows';

/** The version the facts are merged for: its number, the review date, and the approval once there is one. */
export interface VersionFacts {
  version: number;
  nextReviewOn: IsoDate;
  approval: { by: string; position: string; on: IsoDate } | null;
}

/** Where each fact is set, in the words of the screen that sets it. */
const SCHOOL = 'Settings, school details';
const LETTERHEAD = 'Letters, templates and letterhead settings';

function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + minutes;
  return clock(`${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
}

/** "the headteacher, Mr R. Hartley, or a member of staff the headteacher has authorised (…)". */
function leaveDeciders(ctx: Ctx, headName: string | null): string | null {
  if (!headName) {
    return null;
  }
  const named = ctx.store.orm
    .select({ name: users.displayName, position: users.position })
    .from(users)
    .where(and(eq(users.authorisedForLeave, true), isNull(users.disabledAt)))
    .all()
    .filter((u) => u.name !== headName)
    .map((u) => (u.position ? `${u.name}, ${u.position}` : u.name));
  const head = `the headteacher, ${headName}`;
  return named.length
    ? `${head}, or a member of staff the headteacher has authorised (${named.join('; ')})`
    : head;
}

function approvalSentence(v: VersionFacts): string {
  return v.approval
    ? `Version ${v.version} was approved by ${v.approval.by}, ${v.approval.position}, on ${formatLongDate(v.approval.on)}.`
    : `Version ${v.version} is a draft: it has not yet been approved by the headteacher.`;
}

/** The merge values of the policy, or a refusal naming every setting still to fill. */
export function policyFacts(ctx: Ctx, v: VersionFacts): Record<string, string> {
  const s = readSchool(ctx.store.db);
  if (!s) {
    throw new AppError('not_found', 'There is no school in this database yet: set it up first.');
  }
  const l = readLettersSettings(ctx.store.db);
  const needed: [string, string | null | undefined, string, string][] = [
    ['champion.name', s.championName, 'Senior attendance champion', SCHOOL],
    ['champion.role', s.championPosition, "Champion's position", SCHOOL],
    ['champion.phone', l.championPhone, "Champion's phone", LETTERHEAD],
    ['champion.email', l.championEmail, "Champion's email", LETTERHEAD],
    ['officer.name', s.officerName, 'Attendance officer', SCHOOL],
    ['officer.phone', s.officerPhone, "Attendance officer's phone", SCHOOL],
    ['officer.email', s.officerEmail, "Attendance officer's email", SCHOOL],
    ['parents.updates', s.parentUpdates, 'Parents are sent attendance updates', SCHOOL],
    ['school.absenceLine', l.absenceLine, 'Absence line', LETTERHEAD],
    ['report.by', l.reportBy, 'Report absence by', LETTERHEAD],
    ['leave.deciders', leaveDeciders(ctx, l.headName), 'Headteacher', LETTERHEAD],
    ['leave.formUrl', l.leaveFormUrl, 'Leave request form', LETTERHEAD],
    ['laCode.url', l.laCodeUrl, 'LA code of conduct web address', LETTERHEAD],
    ['laCode.reference', l.laCodeReference, 'LA code of conduct reference', LETTERHEAD],
    ['policy.url', l.policyUrl, 'Attendance policy web address', LETTERHEAD],
  ];
  const missing = needed.filter(([, value]) => !value?.trim());
  if (missing.length) {
    throw new AppError(
      'invalid',
      `The policy cannot be written yet: fill in ${missing.map(([, , label, where]) => `"${label}" (${where})`).join(', ')}.`,
      missing.map(([key, , label, where]) => ({ path: key, message: `fill in "${label}" in ${where}` })),
    );
  }
  const facts: Record<string, string> = Object.fromEntries(needed.map(([k, value]) => [k, value!.trim()]));
  return {
    ...facts,
    'school.name': s.name,
    'school.address': s.address ?? '',
    'school.start': clock(s.amOpens),
    'policy.amOpens': clock(s.amOpens),
    'policy.pmOpens': clock(s.pmOpens),
    'registers.closeAM': addMinutes(s.amOpens, s.registerOpenMinutes),
    'registers.closePM': addMinutes(s.pmOpens, s.registerOpenMinutes),
    'policy.registerMinutes': String(s.registerOpenMinutes),
    'policy.atRiskFrom': `${s.atRiskLowerPct}%`,
    'policy.penaltyThreshold':
      `${PENALTY_THRESHOLD_SESSIONS} or more sessions (half-days) of unauthorised absence within ` +
      `${PENALTY_WINDOW_WEEKS} school weeks`,
    'policy.approval': approvalSentence(v),
    'policy.nextReview': formatLongDate(v.nextReviewOn),
  };
}
