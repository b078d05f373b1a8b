// Handlers of the marks channels (shared/channels/marks.ts): the marks belong to the registers area.
import type { HandlersFor } from '../dispatch';
import type { marksChannels } from '../../../shared/channels/marks';
import { applyBulk, previewBulk } from '../registers/grid.service';
import { importMarks } from '../registers/mark-import';
import { exportForMis } from '../registers/mark-writer';
import { exportMarks, markHistory, unexportedMarks } from '../registers/marks.service';

export const marksHandlers: HandlersFor<keyof typeof marksChannels> = {
  'marks.import': importMarks,
  'marks.export': exportMarks,
  'marks.history': markHistory,
  'marks.bulkPreview': previewBulk,
  'marks.bulkApply': applyBulk,
  'marks.unexported': unexportedMarks,
  'marks.exportForMis': exportForMis,
};
