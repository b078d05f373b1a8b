// Handlers of the letters channels (shared/channels/letters.ts).
import type { HandlersFor } from '../dispatch';
import type { lettersChannels } from '../../../shared/channels/letters';
import {
  listTemplates,
  templateCheck,
  templateDownload,
  templateRevert,
  templateUpload,
} from './school-templates';
import { candidates } from './candidates';
import {
  defaultFolder,
  generate,
  getSettings,
  jobStatus,
  preview,
  renderOne,
  saveSettings,
} from './letters.service';
import {
  ladder,
  letterFile,
  liftRestriction,
  markSent,
  pupilLog,
  restrictContact,
  saveMeeting,
} from './letter-log';

export const lettersHandlers: HandlersFor<keyof typeof lettersChannels> = {
  'letters.templates': listTemplates,
  'letters.templateCheck': templateCheck,
  'letters.templateUpload': templateUpload,
  'letters.templateRevert': templateRevert,
  'letters.templateDownload': templateDownload,
  'letters.settings': getSettings,
  'letters.saveSettings': saveSettings,
  'letters.candidates': candidates,
  'letters.preview': preview,
  'letters.generate': generate,
  'letters.renderOne': renderOne,
  'letters.job': jobStatus,
  'letters.defaultFolder': defaultFolder,
  'letters.log': pupilLog,
  'letters.file': letterFile,
  'letters.markSent': markSent,
  'letters.ladder': ladder,
  'letters.saveMeeting': saveMeeting,
  'letters.restrictContact': restrictContact,
  'letters.liftRestriction': liftRestriction,
};
