// Handlers of the policy channels (shared/channels/policy.ts).
import type { HandlersFor } from '../dispatch';
import type { policyChannels } from '../../../shared/channels/policy';
import { policyStatus } from './status';
import { discardDraft, getPolicy, publish, saveDraft, versionFile } from './policy.service';
import { approveDraft, previewDraft, previewFile } from './policy-merge';
import { summaryBatch, summaryFile } from './summary';

export const policyHandlers: HandlersFor<keyof typeof policyChannels> = {
  'policy.status': (ctx) => policyStatus(ctx.store.orm, ctx.today()),
  'policy.get': getPolicy,
  'policy.saveDraft': saveDraft,
  'policy.discardDraft': discardDraft,
  'policy.preview': previewDraft,
  'policy.previewFile': previewFile,
  'policy.approve': approveDraft,
  'policy.publish': publish,
  'policy.file': versionFile,
  'policy.summaryBatch': summaryBatch,
  'policy.summaryFile': summaryFile,
};
