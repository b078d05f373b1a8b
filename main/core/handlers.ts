// Every channel of the contract mapped to its handler, grouped by domain folder.
import type { Handlers } from './dispatch';
import { readSchool, setupSchool, updateSchool, isDemo } from './school/school.service';
import {
  addRange,
  getCalendar,
  importCalendar,
  removeRange,
  setBankHoliday,
} from './calendar/calendar.service';
import {
  getPupil,
  listPupils,
  recordLeaving,
  recordReturn,
  saveContacts,
  updatePupil,
} from './pupils/pupils.service';
import { importPupils, previewPupils } from './pupils/pupil-import';
import { backupTo, defaultBackupPath, verifyDb } from './admin/backup';
import { APP_VERSION } from './version';
import { pupilFigures } from './reports/pupil-figures';
import { getRegister, registersNotTaken, saveRegister } from './registers/registers.service';
import {
  callingList,
  detailMissing,
  informSocialWorker,
  logAttempt,
  overdueN,
  resolveN,
} from './registers/followup.service';
import { applyBulk, getGrid, previewBulk, pupilAttendance } from './registers/grid.service';
import {
  exportForMis,
  exportMarks,
  importMarks,
  markHistory,
  unexportedMarks,
} from './registers/marks.service';

import { figuresHandlers } from './figures/handlers';
import { authHandlers } from './auth/handlers';
import { leaveHandlers } from './leave/handlers';
import { lettersHandlers } from './letters/handlers';
import { backupsHandlers } from './admin/handlers';
import { caseworkHandlers } from './casework/handlers';
import { governorsHandlers } from './governors/handlers';
import { arrangementsHandlers } from './arrangements/handlers';
import { policyHandlers } from './policy/handlers';

export const handlers: Handlers = {
  // Public (the sign-in screen needs it), so where the database lives is told only to a signed-in caller.
  'app.status': (ctx) => ({
    hasSchool: readSchool(ctx.store.db) !== null,
    demo: isDemo(ctx.store.db),
    version: APP_VERSION,
    today: ctx.today(),
    dbPath: ctx.session.roles.length ? ctx.store.path : null,
  }),
  'school.get': (ctx) => readSchool(ctx.store.db),
  'school.setup': setupSchool,
  'school.update': updateSchool,
  'calendar.get': getCalendar,
  'calendar.addRange': addRange,
  'calendar.removeRange': removeRange,
  'calendar.setBankHoliday': setBankHoliday,
  'calendar.import': importCalendar,
  'pupils.list': listPupils,
  'pupils.get': getPupil,
  'pupils.update': updatePupil,
  'pupils.saveContacts': saveContacts,
  'pupils.recordLeaving': recordLeaving,
  'pupils.recordReturn': recordReturn,
  'pupils.importPreview': previewPupils,
  'pupils.import': importPupils,
  'marks.import': importMarks,
  'marks.export': exportMarks,
  'marks.history': markHistory,
  'registers.get': getRegister,
  'registers.save': saveRegister,
  'registers.notTaken': registersNotTaken,
  'followup.list': callingList,
  'followup.logAttempt': logAttempt,
  'followup.informSocialWorker': informSocialWorker,
  'followup.resolve': resolveN,
  'followup.overdueN': overdueN,
  'followup.detailMissing': detailMissing,
  'grid.get': getGrid,
  'marks.bulkPreview': previewBulk,
  'marks.bulkApply': applyBulk,
  'pupils.attendance': pupilAttendance,
  'marks.unexported': unexportedMarks,
  'marks.exportForMis': exportForMis,
  'pupils.figures': pupilFigures,
  'admin.backup': (ctx, i) => {
    const r = backupTo(ctx.store, i.to ?? defaultBackupPath(ctx.store.path));
    return { path: r.path, bytes: r.bytes };
  },
  'admin.verify': (ctx) => verifyDb(ctx.store.db),
  ...figuresHandlers,
  ...authHandlers,
  ...leaveHandlers,
  ...lettersHandlers,
  ...backupsHandlers,
  ...caseworkHandlers,
  ...governorsHandlers,
  ...arrangementsHandlers,
  ...policyHandlers,
};
