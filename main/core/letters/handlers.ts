// Handlers of the letters channels (shared/channels/letters.ts).
import type { HandlersFor } from '../dispatch';
import type { lettersChannels } from '../../../shared/channels/letters';
import * as s from './letters.service';

export const lettersHandlers: HandlersFor<keyof typeof lettersChannels> = {
  'letters.templates': s.listTemplates,
  'letters.templateCheck': s.templateCheck,
  'letters.templateUpload': s.templateUpload,
  'letters.templateRevert': s.templateRevert,
  'letters.templateDownload': s.templateDownload,
  'letters.settings': s.getSettings,
  'letters.saveSettings': s.saveSettings,
  'letters.candidates': s.candidates,
  'letters.preview': s.preview,
  'letters.generate': s.generate,
  'letters.renderOne': s.renderOne,
  'letters.job': s.jobStatus,
  'letters.defaultFolder': s.defaultFolder,
  'letters.log': s.pupilLog,
  'letters.file': s.letterFile,
  'letters.markSent': s.markSent,
  'letters.ladder': s.ladder,
  'letters.saveMeeting': s.saveMeeting,
  'letters.restrictContact': s.restrictContact,
  'letters.liftRestriction': s.liftRestriction,
};
