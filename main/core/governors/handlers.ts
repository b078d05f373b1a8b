// Handlers of the governors channels (shared/channels/governors.ts).
import type { HandlersFor } from '../dispatch';
import type { governorsChannels } from '../../../shared/channels/governors';
import { listReports, previewReport, reportFile, saveMessages } from './produce';
import { produceReport, reportJob } from './jobs';
import { listTargets, saveTarget } from './targets';
import { importDfe, previewDfe } from './dfe-import';

export const governorsHandlers: HandlersFor<keyof typeof governorsChannels> = {
  'governors.preview': previewReport,
  'governors.saveMessages': saveMessages,
  'governors.produce': produceReport,
  'governors.job': reportJob,
  'governors.reports': listReports,
  'governors.file': reportFile,
  'governors.targets': listTargets,
  'governors.saveTarget': saveTarget,
  'governors.previewDfe': previewDfe,
  'governors.importDfe': importDfe,
};
