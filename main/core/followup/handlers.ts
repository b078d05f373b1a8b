// Handlers of the followup channels (shared/channels/followup.ts): contact attempts belong to the registers area.
import type { HandlersFor } from '../dispatch';
import type { followupChannels } from '../../../shared/channels/followup';
import {
  callingList,
  detailMissing,
  informSocialWorker,
  logAttempt,
  overdueN,
  resolveN,
} from '../registers/followup.service';

export const followupHandlers: HandlersFor<keyof typeof followupChannels> = {
  'followup.list': callingList,
  'followup.logAttempt': logAttempt,
  'followup.informSocialWorker': informSocialWorker,
  'followup.resolve': resolveN,
  'followup.overdueN': overdueN,
  'followup.detailMissing': detailMissing,
};
