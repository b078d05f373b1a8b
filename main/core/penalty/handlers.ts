// Handlers of the penalty channels (shared/channels/penalty.ts): the notices' tables belong to the figures area.
import type { HandlersFor } from '../dispatch';
import type { penaltyChannels } from '../../../shared/channels/penalty';
import { notices, recordNotice, updateNotice } from '../figures/penalty.service';
import { tracker } from '../figures/penalty-tracker';

export const penaltyHandlers: HandlersFor<keyof typeof penaltyChannels> = {
  'penalty.tracker': tracker,
  'penalty.notices': notices,
  'penalty.record': recordNotice,
  'penalty.update': updateNotice,
};
