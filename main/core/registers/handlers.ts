// Handlers of the registers channels (shared/channels/registers.ts).
import type { HandlersFor } from '../dispatch';
import type { registersChannels } from '../../../shared/channels/registers';
import { getRegister, registersNotTaken, saveRegister } from './registers.service';
import { registersOutstanding } from './not-taken';
import { getGrid, pupilAttendance } from './grid.service';

export const registersHandlers: HandlersFor<keyof typeof registersChannels> = {
  'registers.get': getRegister,
  'registers.save': saveRegister,
  'registers.notTaken': registersNotTaken,
  'registers.outstanding': registersOutstanding,
  'registers.grid': getGrid,
  'registers.pupilAttendance': pupilAttendance,
};
