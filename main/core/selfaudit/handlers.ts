// Handlers of the selfaudit channels (shared/channels/selfaudit.ts; docs/rules/self-audit.md).
import type { HandlersFor } from '../dispatch';
import type { selfauditChannels } from '../../../shared/channels/selfaudit';
import { actionDone, addAction, getAudit, listTerms, reviewItem, runAudit } from './audits.service';
import { exportAudit, exportFile } from './export';

export const selfauditHandlers: HandlersFor<keyof typeof selfauditChannels> = {
  'selfaudit.terms': listTerms,
  'selfaudit.run': runAudit,
  'selfaudit.get': getAudit,
  'selfaudit.review': reviewItem,
  'selfaudit.addAction': addAction,
  'selfaudit.actionDone': actionDone,
  'selfaudit.export': exportAudit,
  'selfaudit.exportFile': exportFile,
};
