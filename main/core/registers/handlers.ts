// Handlers of the registers channels (shared/channels/registers.ts).
import type { HandlersFor } from '../dispatch';
import type { registersChannels } from '../../../shared/channels/registers';
import { getRegister, registersNotTaken, saveRegister } from './registers.service';
import { registersOutstanding } from './not-taken';
import {
  callingList,
  detailMissing,
  informSocialWorker,
  logAttempt,
  overdueN,
  resolveN,
} from './followup.service';
import { applyBulk, getGrid, previewBulk, pupilAttendance } from './grid.service';
import { exportForMis, exportMarks, importMarks, markHistory, unexportedMarks } from './marks.service';

export const registersHandlers: HandlersFor<keyof typeof registersChannels> = {
  'marks.import': importMarks,
  'marks.export': exportMarks,
  'marks.history': markHistory,
  'registers.get': getRegister,
  'registers.save': saveRegister,
  'registers.notTaken': registersNotTaken,
  'registers.outstanding': registersOutstanding,
  'followup.list': callingList,
  'followup.logAttempt': logAttempt,
  'followup.informSocialWorker': informSocialWorker,
  'followup.resolve': resolveN,
  'followup.overdueN': overdueN,
  'followup.detailMissing': detailMissing,
  'registers.grid': getGrid,
  'marks.bulkPreview': previewBulk,
  'marks.bulkApply': applyBulk,
  'registers.pupilAttendance': pupilAttendance,
  'marks.unexported': unexportedMarks,
  'marks.exportForMis': exportForMis,
};
