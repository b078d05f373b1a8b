// Handlers of the leave channels (shared/channels/leave.ts).
import type { HandlersFor } from '../dispatch';
import type { leaveChannels } from '../../../shared/channels/leave';

export const leaveHandlers: HandlersFor<keyof typeof leaveChannels> = {};
