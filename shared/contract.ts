// The contract: every call the UI (or any door) can make, with its zod input and output schemas and the roles
// allowed to make it. dispatch() in main/core is the only implementation; the renderer's client is typed from it.
import type { z } from 'zod';
import { SEN_STATUSES } from './pupil';

import { schoolChannels } from './channels/school';
import { calendarChannels } from './channels/calendar';
import { pupilsChannels } from './channels/pupils';
import { registersChannels } from './channels/registers';
import { reportsChannels } from './channels/reports';
import { figuresChannels } from './channels/figures';
import { authChannels } from './channels/auth';
import { leaveChannels } from './channels/leave';
import { lettersChannels } from './channels/letters';
import { backupsChannels } from './channels/backups';
import { caseworkChannels } from './channels/casework';
import { governorsChannels } from './channels/governors';
import { arrangementsChannels } from './channels/arrangements';
import { policyChannels } from './channels/policy';
import { selfauditChannels } from './channels/selfaudit';
import { followupChannels } from './channels/followup';
import { marksChannels } from './channels/marks';
import { penaltyChannels } from './channels/penalty';
import { auditChannels } from './channels/audit';
import { usersChannels } from './channels/users';
export * from './contract-core';
export { SchoolSchema, type School } from './channels/school';
export { CalendarRangeSchema } from './channels/calendar';
export { IMPORT_FIELDS, CONTACT_IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from './channels/pupils';

export const contract = {
  ...schoolChannels,
  ...calendarChannels,
  ...pupilsChannels,
  ...registersChannels,
  ...reportsChannels,
  ...figuresChannels,
  ...authChannels,
  ...leaveChannels,
  ...lettersChannels,
  ...backupsChannels,
  ...caseworkChannels,
  ...governorsChannels,
  ...arrangementsChannels,
  ...policyChannels,
  ...selfauditChannels,
  ...followupChannels,
  ...marksChannels,
  ...penaltyChannels,
  ...auditChannels,
  ...usersChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.infer<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];
export const SEN_VALUES = SEN_STATUSES;
