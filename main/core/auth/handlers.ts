// Handlers of the auth channels (shared/channels/auth.ts).
import type { HandlersFor } from '../dispatch';
import type { authChannels } from '../../../shared/channels/auth';

export const authHandlers: HandlersFor<keyof typeof authChannels> = {};
