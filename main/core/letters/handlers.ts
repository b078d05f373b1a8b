// Handlers of the letters channels (shared/channels/letters.ts).
import type { HandlersFor } from '../dispatch';
import type { lettersChannels } from '../../../shared/channels/letters';

export const lettersHandlers: HandlersFor<keyof typeof lettersChannels> = {};
