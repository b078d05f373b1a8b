// Handlers of the figures channels (shared/channels/figures.ts).
import type { HandlersFor } from '../dispatch';
import type { figuresChannels } from '../../../shared/channels/figures';
import { bands } from './figures.service';
import { dashboard } from './dashboard';
import { listNational, saveNational } from './national';
import { statutoryLists } from './statutory.service';
import { exportCsv } from './export';

export const figuresHandlers: HandlersFor<keyof typeof figuresChannels> = {
  'figures.dashboard': dashboard,
  'figures.national.list': listNational,
  'figures.national.save': saveNational,
  'figures.bands': bands,
  'figures.statutoryLists': statutoryLists,
  'figures.exportCsv': exportCsv,
};
