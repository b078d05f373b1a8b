// Handler of the audit channel (shared/channels/audit.ts): the audit log belongs to the auth area.
import type { HandlersFor } from '../dispatch';
import type { auditChannels } from '../../../shared/channels/audit';
import { listAudit } from '../auth/audit.service';

export const auditHandlers: HandlersFor<keyof typeof auditChannels> = {
  'audit.list': listAudit,
};
