// Handlers of the arrangements channels (shared/channels/arrangements.ts; docs/rules/arrangements.md).
import type { HandlersFor } from '../dispatch';
import type { arrangementsChannels } from '../../../shared/channels/arrangements';
import { arrangementSettings } from '../db/schema-arrangements';
import { createArrangement, reviewEveryWeeks } from './arrangements.service';
import { changePattern, recordOutcome, recordTold, reviewArrangement } from './changes';
import { arrangementSessionList, dueList, getArrangement, listArrangements } from './queries';
import { listLaMeetings, saveLaMeeting } from './la-meeting';
import { laPackFile, makeLaPack } from './la-pack';
import { agreementLetter } from './agreement-letter';
import {
  addAdjustment,
  readHealth,
  recordNotice,
  saveProfessional,
  savePlan,
  sicknessReturnSent,
} from './health';
import { healthDue, prompts } from './health-due';
import { cmeProposals } from './cme-proposals';
import { addStep, forDeletion, loadCases, openCase, scan } from './cme';
import {
  contractEvent,
  contractFile,
  contractLetter,
  createContract,
  listContracts,
  signedCopy,
} from './contracts';

export const arrangementsHandlers: HandlersFor<keyof typeof arrangementsChannels> = {
  'arrangements.list': listArrangements,
  'arrangements.get': getArrangement,
  'arrangements.create': createArrangement,
  'arrangements.changePattern': changePattern,
  'arrangements.review': reviewArrangement,
  'arrangements.recordOutcome': recordOutcome,
  'arrangements.recordTold': recordTold,
  'arrangements.due': dueList,
  'arrangements.sessions': arrangementSessionList,
  'arrangements.laPack': makeLaPack,
  'arrangements.laPackFile': laPackFile,
  'arrangements.laMeetingSave': saveLaMeeting,
  'arrangements.laMeetings': listLaMeetings,
  'arrangements.cmeList': (ctx, i) => ({ cases: loadCases(ctx.store.db, i.pupilId) }),
  'arrangements.cmeOpen': openCase,
  'arrangements.cmeScan': scan,
  'arrangements.cmeProposals': (ctx) => ({ proposals: cmeProposals(ctx.store.db, ctx.today()) }),
  'arrangements.cmeStep': addStep,
  'arrangements.cmeForDeletion': (ctx, i) => forDeletion(ctx.store.db, i.pupilId, i.ground),
  'arrangements.contracts': (ctx, i) => ({ contracts: listContracts(ctx, i.pupilId) }),
  'arrangements.contractCreate': createContract,
  'arrangements.contractEvent': contractEvent,
  'arrangements.contractSignedCopy': signedCopy,
  'arrangements.contractFile': contractFile,
  'arrangements.contractLetter': contractLetter,
  'arrangements.agreementLetter': agreementLetter,
  'arrangements.health': readHealth,
  'arrangements.healthPlanSave': savePlan,
  'arrangements.adjustmentAdd': addAdjustment,
  'arrangements.sicknessReturnSent': sicknessReturnSent,
  'arrangements.professionalSave': saveProfessional,
  'arrangements.professionalNotice': recordNotice,
  'arrangements.prompts': prompts,
  'arrangements.healthDue': healthDue,
  'arrangements.settings': (ctx) => ({ reviewEveryWeeks: reviewEveryWeeks(ctx) }),
  'arrangements.setSettings': (ctx, i) => {
    ctx.store.orm
      .insert(arrangementSettings)
      .values({ id: 1, reviewEveryWeeks: i.reviewEveryWeeks })
      .onConflictDoUpdate({ target: arrangementSettings.id, set: { reviewEveryWeeks: i.reviewEveryWeeks } })
      .run();
    ctx.audit('arrangements.setSettings', 'arrangement_settings', 1, i);
    return { ok: true };
  },
};
