// The stages of the letters' ladder, in order (none = no letter of the ladder yet): one definition for the core's
// ladder and guardrails (main/core/letters), the contract's stage schema (channels/letters.ts) and the screens.
export const LADDER = [
  'none',
  'concern',
  'meeting',
  'formal_warning',
  'notice_to_improve',
  'penalty_notice',
] as const;
export type LadderStage = (typeof LADDER)[number];
