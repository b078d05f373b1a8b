// Handlers of the policy channels (shared/channels/policy.ts).
import type { HandlersFor } from '../dispatch';
import type { policyChannels } from '../../../shared/channels/policy';
import { policyStatus } from './status';

export const policyHandlers: HandlersFor<keyof typeof policyChannels> = {
  'policy.status': (ctx) => policyStatus(ctx.store.orm, ctx.today()),
};
