// Which area owns each table. An area writes only its own tables; another area's rows change only through the
// owner's exported functions (marks through the mark writer, planned marks through registers/planned-marks.ts).
// test/unit/area-boundaries.test.ts reads this table and refuses a write across a boundary, and a table with no
// owner. docs/areas.md explains each area and what it reads.

export const TABLE_OWNERS = {
  school: ['school'],
  calendar: ['calendar_ranges', 'bank_holiday_overrides'],
  pupils: ['pupils', 'contacts', 'la_returns'],
  registers: [
    'codes',
    'marks',
    'mark_tallies',
    'mark_code_tallies',
    'mark_history',
    'registers_taken',
    'planned_marks',
    'contact_attempts',
    'social_worker_notices',
  ],
  figures: ['penalty_notices', 'penalty_notice_events', 'penalty_notice_marks', 'reference_figures'],
  auth: ['users', 'user_roles', 'auth_sessions', 'auth_settings', 'sign_in_throttle', 'audit_log'],
  leave: ['leave_families', 'leave_requests', 'leave_evidence', 'leave_decisions', 'leave_letters'],
  letters: [
    'letter_templates',
    'letters_settings',
    'letter_batches',
    'letter_files',
    'letter_log',
    'letter_sends',
    'letter_meetings',
    'letter_contact_restrictions',
  ],
  backups: ['backup_settings'],
  casework: [
    'casework_barrier_categories',
    'casework_barriers',
    'casework_meetings',
    'casework_meeting_barriers',
    'casework_actions',
    'casework_referrals',
    'casework_la_joint',
    'casework_plans',
    'casework_plan_versions',
    'casework_plan_reviews',
    'casework_checkins',
    'casework_plan_exports',
    'casework_plan_templates',
  ],
  arrangements: [
    'arrangements',
    'arrangement_settings',
    'arrangement_patterns',
    'arrangement_reviews',
    'arrangement_notices',
    'arrangement_outcomes',
    'la_meetings',
    'la_meeting_pupils',
    'la_meeting_actions',
    'la_packs',
    'cme_cases',
    'cme_steps',
    'attendance_contracts',
    'attendance_contract_events',
    'health_plans',
    'health_adjustments',
    'sickness_returns',
    'pupil_professionals',
    'professional_notices',
  ],
  governors: ['governor_report_drafts', 'governor_reports', 'governor_targets'],
  policy: ['policy_versions', 'policy_publications'],
  selfaudit: [
    'selfaudit_audits',
    'selfaudit_items',
    'selfaudit_reviews',
    'selfaudit_actions',
    'selfaudit_exports',
  ],
  // Written only by the chained tables' triggers (docs/records-integrity.md, "Hash chains").
  trust: ['chain_links'],
} as const satisfies Record<string, readonly string[]>;

export type Area = keyof typeof TABLE_OWNERS;

/** Folders of main/core that may write any table, and why. */
export const WRITE_ANYWHERE: Record<string, string> = {
  db: 'migrations build every table',
  demo: 'the demo school seeds a new, empty database in one transaction',
};
/** Files outside the areas that write one table for every area. */
export const SHARED_WRITERS: Record<string, string[]> = {
  'context.ts': ['audit_log'],
};
