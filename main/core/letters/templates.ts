// The shipped letter templates (docs/rules/letters.md §1.3; stable names of docs/cli.md): this manifest says how
// each one is used. The .docx files in resources/letters are written from template-texts.ts (the wording) by
// scripts/make-letter-templates.mjs; the merge fields they may use are in template-fields.ts, the ladder's
// stages in ladder.ts.
import type { LadderStage } from '../../../shared/ladder';

/** What a template records in the log: a ladder stage, or another kind of letter. */
export type TemplateStage =
  | Exclude<LadderStage, 'none'>
  | 'first_day'
  | 'punctuality'
  | 'leave'
  | 'part_time_timetable'
  | 'flexi'
  | 'reintegration'
  | 'contract'
  | 'improvement'
  | 'update'
  | 'policy'
  | 'custom';

/** The guardrails of §1.1 that a template is checked against (IMPROVE: offer the improvement letter instead). */
export type Rule = 'G1' | 'G2' | 'G3' | 'G4' | 'G6' | 'IMPROVE';

export type ExtraKind = 'date' | 'time' | 'text' | 'multiline';
export interface ExtraField {
  key: string;
  label: string;
  kind: ExtraKind;
  /** Filled from the data when not given (the pupil's marks, meetings, letters, settings). */
  computed?: boolean;
}

export interface TemplateSpec {
  name: string;
  title: string;
  stage: TemplateStage;
  /** Carries legal-action wording (docs/cli.md: formal-warning, notice-to-improve, penalty-warning only). */
  legal: boolean;
  /** Letters with legal weight (§1.1 G5: 4, 5, 6, 8, 12) are approved by the head or the attendance lead. */
  legalWeight: boolean;
  /** 'household': one letter per household; 'each_parent': formal notices go to each parent by name (G8). */
  addressing: 'household' | 'each_parent';
  /** Siblings of one household selected together get one letter. */
  siblings: boolean;
  rules: Rule[];
  extra: ExtraField[];
  /** Not one of docs/cli.md's stable names (an extra shipped variant). */
  variant?: boolean;
  /** A school document merged once from the school's facts (the attendance policy, docs/rules/policy.md), never a
   * letter to a family: the letter paths refuse it; upload, revert and download work as for any template. */
  document?: boolean;
  /**
   * A one-pupil agreement made from its own record, never in a batch (docs/rules/arrangements.md, "Agreement
   * letters"): where on screen it is made. The batch and single-letter channels refuse it.
   */
  madeFrom?: string;
  summary: string;
}

const MEETING: ExtraField[] = [
  { key: 'meeting.date', label: 'Meeting date', kind: 'date', computed: true },
  { key: 'meeting.time', label: 'Meeting time', kind: 'time', computed: true },
  { key: 'meeting.place', label: 'Meeting place (or "by phone")', kind: 'text', computed: true },
  { key: 'meeting.attendees', label: 'Who will be there', kind: 'text', computed: true },
];

const SUPPORT_HISTORY: ExtraField = {
  key: 'support.history',
  label: 'Support offered so far',
  kind: 'multiline',
  computed: true,
};

/** The leave decision letters' fields: what was asked and decided first, who decided and why last. */
const LEAVE_ASKED: ExtraField[] = [
  { key: 'leave.from', label: 'Leave from', kind: 'date' },
  { key: 'leave.to', label: 'Leave to', kind: 'date' },
  { key: 'leave.decision', label: 'Decision', kind: 'text' },
  { key: 'leave.sessionsGranted', label: 'Sessions granted', kind: 'text' },
];
const LEAVE_DECIDED: ExtraField[] = [
  { key: 'leave.reason', label: 'Reason given for the decision', kind: 'multiline' },
  { key: 'decider.name', label: 'Decided by', kind: 'text' },
  { key: 'decider.position', label: "Decider's position", kind: 'text' },
];

export const TEMPLATES: readonly TemplateSpec[] = [
  {
    name: 'first-day-absence',
    title: 'First-day absence contact',
    stage: 'first_day',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: [],
    summary: 'Warm, brief, about safety: no reason has reached the school yet.',
    extra: [
      { key: 'absence.date', label: 'Date of the absence', kind: 'date', computed: true },
      { key: 'absence.session', label: 'Session (morning or afternoon)', kind: 'text', computed: true },
      { key: 'reply.by', label: 'Reply by', kind: 'date', computed: true },
    ],
  },
  {
    name: 'attendance-concern',
    title: 'Attendance concern',
    stage: 'concern',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: ['G2', 'G4', 'G6', 'IMPROVE'],
    summary: 'Supportive: the figures, what they mean, an offer to talk and help.',
    extra: [
      { key: 'pattern.summary', label: 'Pattern seen', kind: 'text', computed: true },
      {
        key: 'health.paragraph',
        label: 'About illness (when it is the largest reason)',
        kind: 'text',
        computed: true,
      },
    ],
  },
  {
    name: 'attendance-concern-health',
    title: 'Attendance concern: health and wellbeing',
    stage: 'concern',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: ['G6', 'IMPROVE'],
    variant: true,
    summary: 'The caring variant when more than half of the absence is authorised (G2).',
    extra: [],
  },
  {
    name: 'attendance-meeting',
    title: 'Invitation to an attendance meeting',
    stage: 'meeting',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: ['G4', 'G6', 'IMPROVE'],
    summary: 'Collaborative: understand barriers and agree support together.',
    extra: MEETING,
  },
  {
    name: 'formal-warning',
    title: 'Formal warning',
    stage: 'formal_warning',
    legal: true,
    legalWeight: true,
    addressing: 'each_parent',
    siblings: false,
    rules: ['G1', 'G2', 'G3', 'G6', 'IMPROVE'],
    summary: 'Clear and respectful: support so far, what must change, that the LA may take legal measures.',
    extra: [SUPPORT_HISTORY, { key: 'review.date', label: 'Review date', kind: 'date', computed: true }],
  },
  {
    name: 'notice-to-improve',
    title: 'Notice to improve',
    stage: 'notice_to_improve',
    legal: true,
    legalWeight: true,
    addressing: 'each_parent',
    siblings: false,
    rules: ['G1', 'G2', 'G3', 'G6', 'IMPROVE'],
    summary: "The LA's last step before a penalty notice: the absences, the improvement period.",
    extra: [
      { key: 'nti.start', label: 'Improvement period starts', kind: 'date', computed: true },
      { key: 'nti.end', label: 'Improvement period ends', kind: 'date', computed: true },
      SUPPORT_HISTORY,
      { key: 'laCode.reference', label: 'LA code of conduct reference', kind: 'text', computed: true },
    ],
  },
  {
    name: 'penalty-warning',
    title: 'Penalty-notice warning',
    stage: 'penalty_notice',
    legal: true,
    legalWeight: true,
    addressing: 'each_parent',
    siblings: false,
    rules: ['G1', 'G2', 'G3', 'G6', 'IMPROVE'],
    summary: 'Factual: the threshold, the pupil\'s count in the window, the amounts; "may", not "will".',
    extra: [
      { key: 'pn.sessions', label: 'Unauthorised sessions in the window', kind: 'text', computed: true },
      { key: 'pn.windowFrom', label: 'Window from', kind: 'date', computed: true },
      { key: 'pn.windowTo', label: 'Window to', kind: 'date', computed: true },
    ],
  },
  {
    name: 'punctuality-concern',
    title: 'Punctuality concern',
    stage: 'punctuality',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: ['G3', 'G6'],
    summary: 'Practical: lates before and after the register closes, help with mornings.',
    extra: [],
  },
  {
    name: 'leave-granted',
    title: 'Leave of absence granted',
    stage: 'leave',
    legal: false,
    legalWeight: true,
    addressing: 'household',
    siblings: false,
    rules: [],
    summary:
      'Neutral: the dates asked for, the sessions granted, the return date; for a part grant, what happens on the other days.',
    extra: [
      ...LEAVE_ASKED,
      { key: 'leave.grantedFrom', label: 'First session granted', kind: 'text' },
      { key: 'leave.grantedTo', label: 'Last session granted', kind: 'text' },
      { key: 'leave.returnDate', label: 'Back in school on', kind: 'text' },
      { key: 'leave.partNote', label: 'For a part grant: the days not granted', kind: 'multiline' },
      ...LEAVE_DECIDED,
    ],
  },
  {
    name: 'leave-refused',
    title: 'Leave of absence refused',
    stage: 'leave',
    legal: false,
    legalWeight: true,
    addressing: 'household',
    siblings: false,
    rules: [],
    summary: 'A refusal explains, does not lecture; penalty wording only for compulsory age (G3).',
    extra: [...LEAVE_ASKED, ...LEAVE_DECIDED],
  },
  {
    name: 'part-time-timetable',
    title: 'Part-time timetable agreement',
    stage: 'part_time_timetable',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: [],
    madeFrom: "the part-time timetable's record (Arrangements)",
    summary: 'Temporary, collaborative, with an end date and the route back to full time.',
    extra: [
      { key: 'ptt.pattern', label: 'Sessions the pupil attends', kind: 'multiline' },
      { key: 'ptt.reason', label: 'Reason for the timetable', kind: 'multiline' },
      { key: 'ptt.start', label: 'Start date', kind: 'date' },
      { key: 'ptt.end', label: 'End date', kind: 'date' },
      { key: 'ptt.reviews', label: 'Review dates', kind: 'text' },
    ],
  },
  {
    name: 'flexi-schooling',
    title: 'Flexi-schooling agreement',
    stage: 'flexi',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: [],
    madeFrom: "the flexi-schooling agreement's record (Arrangements)",
    summary: 'Plain terms: the home sessions, recorded as authorised absence (C).',
    extra: [
      { key: 'flexi.pattern', label: 'Home sessions', kind: 'multiline' },
      { key: 'flexi.start', label: 'Start date', kind: 'date' },
      { key: 'flexi.review', label: 'Review date', kind: 'date' },
    ],
  },
  {
    name: 'reintegration-meeting',
    title: 'Reintegration meeting invitation',
    stage: 'reintegration',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: ['G6'],
    summary: 'Warm, centred on the pupil: their views are wanted.',
    extra: [...MEETING, { key: 'plan.reviewDate', label: 'First plan review', kind: 'date', computed: true }],
  },
  {
    name: 'attendance-contract',
    title: 'Attendance contract',
    stage: 'contract',
    legal: false,
    legalWeight: true,
    addressing: 'household',
    siblings: false,
    rules: ['G3'],
    madeFrom: "the pupil's attendance contract (Arrangements, Attendance contracts)",
    summary: 'Partnership: what each side will do; voluntary.',
    extra: [
      { key: 'contract.commitments', label: 'What each person will do', kind: 'multiline' },
      { key: 'contract.reviews', label: 'Review dates', kind: 'text' },
    ],
  },
  {
    name: 'improvement',
    title: 'Improvement letter and certificate',
    stage: 'improvement',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: ['G6'],
    summary: 'Celebrates the improvement and the effort, not only 100%.',
    extra: [
      { key: 'figures.before', label: 'Attendance before', kind: 'text', computed: true },
      { key: 'figures.after', label: 'Attendance now', kind: 'text', computed: true },
    ],
  },
  {
    name: 'termly-update',
    title: 'Termly attendance update',
    stage: 'update',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: true,
    rules: [],
    summary:
      'Neutral and informative, to every family: the term and the school year so far; siblings on one letter.',
    extra: [{ key: 'term.name', label: 'Term', kind: 'text', computed: true }],
  },
  {
    name: 'policy-summary',
    title: 'Attendance policy: a summary for parents',
    stage: 'policy',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: true,
    rules: [],
    summary: 'One page: times, how to report absence, who to talk to.',
    extra: [],
  },
  {
    name: 'attendance-policy',
    title: 'Attendance policy (the full school policy)',
    stage: 'policy',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: [],
    variant: true,
    document: true,
    summary: "The school's attendance policy, sections 1 to 11, merged from the school's settings.",
    extra: [
      { key: 'policy.approval', label: 'Version and approval', kind: 'text', computed: true },
      { key: 'policy.nextReview', label: 'Next review by', kind: 'date', computed: true },
      { key: 'policy.amOpens', label: 'Morning register opens', kind: 'time', computed: true },
      { key: 'policy.pmOpens', label: 'Afternoon register opens', kind: 'time', computed: true },
      { key: 'policy.registerMinutes', label: 'Minutes a register stays open', kind: 'text', computed: true },
      { key: 'officer.name', label: 'Attendance officer', kind: 'text', computed: true },
      { key: 'officer.phone', label: "Attendance officer's phone", kind: 'text', computed: true },
      { key: 'officer.email', label: "Attendance officer's email", kind: 'text', computed: true },
      { key: 'leave.deciders', label: 'Who decides leave of absence', kind: 'text', computed: true },
      {
        key: 'policy.atRiskFrom',
        label: "Absence at which a pupil is 'at risk'",
        kind: 'text',
        computed: true,
      },
      {
        key: 'policy.penaltyThreshold',
        label: 'When a penalty notice is considered',
        kind: 'text',
        computed: true,
      },
    ],
  },
];

/** docs/cli.md's stable names, all of which exist above. */
export const STABLE_NAMES = [
  'first-day-absence',
  'attendance-concern',
  'attendance-meeting',
  'formal-warning',
  'notice-to-improve',
  'penalty-warning',
  'punctuality-concern',
  'leave-granted',
  'leave-refused',
  'part-time-timetable',
  'flexi-schooling',
  'reintegration-meeting',
  'attendance-contract',
  'improvement',
  'termly-update',
  'policy-summary',
] as const;

export function templateSpec(name: string): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.name === name);
}
