// Handlers of the figures channels (shared/channels/figures.ts).
import type { HandlersFor } from '../dispatch';
import type { figuresChannels } from '../../../shared/channels/figures';

export const figuresHandlers: HandlersFor<keyof typeof figuresChannels> = {};
