// Handlers of the casework channels (shared/channels/casework.ts; docs/rules/casework.md).
import type { HandlersFor } from '../dispatch';
import type { caseworkChannels } from '../../../shared/channels/casework';
import {
  addAction,
  addBarrier,
  addCategory,
  addJoint,
  addMeeting,
  addReferral,
  referralOutcome,
  setAction,
  updateBarrier,
} from './records';
import { categories, getPlan, pupilCasework } from './read';
import { checkinPlan, closePlan, createPlan, reviewPlan, revisePlan } from './plans';
import { caseworkCounts, dueList, severeWithoutJoint } from './due';
import { patterns } from './patterns';
import { exportPlan } from './plan-docx';
import {
  planTemplateCheck,
  planTemplateDownload,
  planTemplateInfo,
  planTemplateRevert,
  planTemplateUpload,
} from './plan-template';

export { caseworkCounts };

export const caseworkHandlers: HandlersFor<keyof typeof caseworkChannels> = {
  'casework.categories': categories,
  'casework.addCategory': addCategory,
  'casework.pupil': pupilCasework,
  'casework.addBarrier': addBarrier,
  'casework.updateBarrier': updateBarrier,
  'casework.addMeeting': addMeeting,
  'casework.addAction': addAction,
  'casework.setAction': setAction,
  'casework.addReferral': addReferral,
  'casework.referralOutcome': referralOutcome,
  'casework.addJoint': addJoint,
  'casework.patterns': patterns,
  'casework.plan.get': getPlan,
  'casework.plan.create': createPlan,
  'casework.plan.revise': revisePlan,
  'casework.plan.review': reviewPlan,
  'casework.plan.checkin': checkinPlan,
  'casework.plan.close': closePlan,
  'casework.plan.export': exportPlan,
  'casework.due': dueList,
  'casework.severeWithoutJoint': severeWithoutJoint,
  'casework.planTemplate.get': planTemplateInfo,
  'casework.planTemplate.check': planTemplateCheck,
  'casework.planTemplate.upload': planTemplateUpload,
  'casework.planTemplate.revert': planTemplateRevert,
  'casework.planTemplate.download': planTemplateDownload,
  'casework.counts': (ctx, i) => caseworkCounts(ctx.store.db, i.from, i.to),
};
