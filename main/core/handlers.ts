// Every channel of the contract mapped to its handler: one line per area, each area's handlers in
// main/core/<area>/handlers.ts beside its channels in shared/channels/<area>.ts.
import type { Handlers } from './dispatch';
import { schoolHandlers } from './school/handlers';
import { calendarHandlers } from './calendar/handlers';
import { pupilsHandlers } from './pupils/handlers';
import { registersHandlers } from './registers/handlers';
import { reportsHandlers } from './reports/handlers';
import { figuresHandlers } from './figures/handlers';
import { authHandlers } from './auth/handlers';
import { leaveHandlers } from './leave/handlers';
import { lettersHandlers } from './letters/handlers';
import { backupsHandlers } from './backups/handlers';
import { caseworkHandlers } from './casework/handlers';
import { governorsHandlers } from './governors/handlers';
import { arrangementsHandlers } from './arrangements/handlers';
import { policyHandlers } from './policy/handlers';
import { selfauditHandlers } from './selfaudit/handlers';
import { followupHandlers } from './followup/handlers';
import { marksHandlers } from './marks/handlers';
import { penaltyHandlers } from './penalty/handlers';
import { auditHandlers } from './audit/handlers';
import { usersHandlers } from './users/handlers';

export const handlers: Handlers = {
  ...schoolHandlers,
  ...calendarHandlers,
  ...pupilsHandlers,
  ...registersHandlers,
  ...reportsHandlers,
  ...figuresHandlers,
  ...authHandlers,
  ...leaveHandlers,
  ...lettersHandlers,
  ...backupsHandlers,
  ...caseworkHandlers,
  ...governorsHandlers,
  ...arrangementsHandlers,
  ...policyHandlers,
  ...selfauditHandlers,
  ...followupHandlers,
  ...marksHandlers,
  ...penaltyHandlers,
  ...auditHandlers,
  ...usersHandlers,
};
