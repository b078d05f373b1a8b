// Handlers of the pupils channels (shared/channels/pupils.ts).
import type { HandlersFor } from '../dispatch';
import type { pupilsChannels } from '../../../shared/channels/pupils';
import {
  getPupil,
  listPupils,
  recordLeaving,
  recordReturn,
  saveContacts,
  updatePupil,
} from './pupils.service';
import { importPupils, previewPupils } from './pupil-import';

export const pupilsHandlers: HandlersFor<keyof typeof pupilsChannels> = {
  'pupils.list': listPupils,
  'pupils.get': getPupil,
  'pupils.update': updatePupil,
  'pupils.saveContacts': saveContacts,
  'pupils.recordLeaving': recordLeaving,
  'pupils.recordReturn': recordReturn,
  'pupils.importPreview': previewPupils,
  'pupils.import': importPupils,
};
