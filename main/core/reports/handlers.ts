// Handlers of the reports channels (shared/channels/reports.ts).
import type { HandlersFor } from '../dispatch';
import type { reportsChannels } from '../../../shared/channels/reports';
import { pupilFigures } from './pupil-figures';

export const reportsHandlers: HandlersFor<keyof typeof reportsChannels> = {
  'reports.pupilFigures': pupilFigures,
};
