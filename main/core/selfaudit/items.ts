// The self-audit's checklist (docs/rules/self-audit.md): one entry per expectation of the DfE's summary table of
// responsibilities, tier by tier, with the wording the lead reads, how the app measures it, and the threshold behind
// the status it proposes. The measuring lives in items-registers.ts, items-support.ts and items-school.ts, each
// reading the owning area's exported functions.
import type { ItemSpec } from './evidence';
import { N_DAYS, registerEvidence } from './items-registers';
import { supportEvidence } from './items-support';
import { BACKUP_FRESH_DAYS, schoolEvidence } from './items-school';

export const AUDIT_ITEMS: readonly ItemSpec[] = [
  {
    id: 'policy',
    tier: 'all',
    wording: 'An attendance policy is published on the website and in date',
    how:
      'The attendance policy in force (the newest approved version), whether its publication on the ' +
      'website is recorded, and its next review date, as they stand on the day of the run.',
    threshold:
      'Met when published and the review date has not come; ' +
      'partly met when approved but not published, or published and due its review; ' +
      'not met with no approved policy.',
    compute: schoolEvidence.policy,
  },
  {
    id: 'champion',
    tier: 'all',
    wording: 'One senior leader is named as the senior attendance champion',
    how: 'The senior attendance champion and their position in the school settings.',
    threshold: 'Met with a name and a position; partly met with a name only; not met when nobody is named.',
    compute: schoolEvidence.champion,
  },
  {
    id: 'registers_by_close',
    tier: 'all',
    wording: 'Registers are taken by the time they close, every session',
    how:
      'Registers due (each registration group, morning and afternoon, each school day) against the ' +
      'registers taken by the close time set in the school settings.',
    threshold: 'Met at 99% or more; partly met at 95% or more; not met below 95%.',
    compute: registerEvidence.registers_by_close,
  },
  {
    id: 'day_one_followup',
    tier: 'all',
    wording: 'Unexplained absence is followed up on the first day',
    how: 'Each pupil-day with an N mark (still N or since resolved) against a contact attempt logged for that pupil that same day.',
    threshold: 'Met at 95% or more; partly met at 80% or more; not met below 80%.',
    compute: registerEvidence.day_one_followup,
  },
  {
    id: 'n_resolved',
    tier: 'all',
    wording: `N marks are resolved within ${N_DAYS} school days`,
    how: `Each N mark in the period that has had ${N_DAYS} school days to be resolved, against the day it was amended to the right code.`,
    threshold: 'Met when every such mark was resolved in time; partly met at 90% or more; not met below 90%.',
    compute: registerEvidence.n_resolved,
  },
  {
    id: 'support_step',
    tier: 'at_risk',
    wording:
      'Every pupil at risk of persistent absence, persistently or severely absent has a support step on record',
    how:
      'Pupils in those bands over the school year to the audit date, against a concern letter or ' +
      'later, a meeting, a plan or a referral on record.',
    threshold: 'Met when every pupil has one; partly met at 80% or more; not met below 80%.',
    compute: supportEvidence.support_step,
  },
  {
    id: 'severe_joint',
    tier: 'severe',
    wording: 'Every severely absent pupil has a joint approach agreed with the LA',
    how:
      'Severely absent pupils over the school year to the audit date, against a joint approach with ' +
      'the LA agreed on or before that date.',
    threshold: 'Met when every pupil has one; partly met at 80% or more; not met below 80%.',
    compute: supportEvidence.severe_joint,
  },
  {
    id: 'la_meetings',
    tier: 'persistent',
    wording: 'A targeting meeting with the LA is held each term',
    how: 'LA targeting meetings on record held in the period.',
    threshold: 'Met with at least one meeting in the term; not met with none.',
    compute: schoolEvidence.la_meetings,
  },
  {
    id: 'governor_reports',
    tier: 'monitoring',
    wording: 'Governors are given a termly attendance report',
    how: 'Final governor reports produced for a period that overlaps the term.',
    threshold: 'Met with at least one final report for the term; not met with none.',
    compute: schoolEvidence.governor_reports,
  },
  {
    id: 'parents_updated',
    tier: 'monitoring',
    wording: "Parents are updated on their child's attendance each term",
    how:
      'Pupils on roll at the audit date, against a termly attendance update letter produced for them ' +
      '(or a sibling on the same letter) in the term.',
    threshold: 'Met at 95% or more; partly met at 50% or more; not met below 50%.',
    compute: schoolEvidence.parents_updated,
  },
  {
    id: 'part_time_reviewed',
    tier: 'persistent',
    wording: 'Part-time timetables are reviewed on time',
    how: 'Part-time timetables in force during the period, against a review on record by the date the next review was due.',
    threshold: 'Met when none is overdue; partly met at 80% or more on time; not met below 80%.',
    compute: supportEvidence.part_time_reviewed,
  },
  {
    id: 'cme_complete',
    tier: 'all',
    wording: 'Children missing education: the reasonable enquiries are complete',
    how:
      'CME cases opened on or before the audit date and open during the period, against every required ' +
      'enquiry on record (or the case closed).',
    threshold: 'Met when every case is complete; partly met at 80% or more; not met below 80%.',
    compute: supportEvidence.cme_complete,
  },
  {
    id: 'social_worker_told',
    tier: 'social_worker',
    wording: 'Social workers are told of any unexplained absence of a pupil they work with',
    how: 'Each pupil-day with an N mark for a pupil with a social worker, against the notification log for that day.',
    threshold: 'Met when every one was told; partly met at 80% or more; not met below 80%.',
    compute: registerEvidence.social_worker_told,
  },
  {
    id: 'backups',
    tier: 'monitoring',
    wording: 'The attendance records are backed up and each backup is verified',
    how:
      'Backups in the backup folder taken in the period and checked after writing; ' +
      `the newest should be at most ${BACKUP_FRESH_DAYS} days before the audit date.`,
    threshold:
      `Met when the newest verified backup is within ${BACKUP_FRESH_DAYS} days of the audit date; ` +
      'partly met with an older verified backup in the period; not met with none.',
    compute: schoolEvidence.backups,
  },
  {
    id: 'staff_trained',
    tier: 'all',
    wording: 'Staff are trained on attendance (registers, codes, first-day follow-up, safeguarding links)',
    how: 'Answered by the school: the app keeps no training record.',
    threshold: 'The school answers met, partly met or not met with a note.',
    compute: schoolEvidence.staff_trained,
  },
];

export function auditItem(id: string): ItemSpec | undefined {
  return AUDIT_ITEMS.find((i) => i.id === id);
}
