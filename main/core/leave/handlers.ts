// Handlers of the leave channels (shared/channels/leave.ts).
import type { HandlersFor } from '../dispatch';
import type { leaveChannels } from '../../../shared/channels/leave';
import { createRequest } from './requests';
import { getRequest, listRequests, queue } from './read';
import { addEvidence, getEvidence } from './evidence';
import { decide, revise } from './decisions';
import { confirmG, gProposals } from './proposals';
import { decisionLetter } from './decision-letter';

export const leaveHandlers: HandlersFor<keyof typeof leaveChannels> = {
  'leave.create': createRequest,
  'leave.list': listRequests,
  'leave.queue': queue,
  'leave.get': getRequest,
  'leave.addEvidence': addEvidence,
  'leave.evidence': getEvidence,
  'leave.decide': decide,
  'leave.revise': revise,
  'leave.gProposals': gProposals,
  'leave.confirmG': confirmG,
  'leave.decisionLetter': decisionLetter,
};
