// Handlers of the school channels (shared/channels/school.ts).
import type { HandlersFor } from '../dispatch';
import type { schoolChannels } from '../../../shared/channels/school';
import { APP_VERSION } from '../version';
import { isDemo, readSchool, setupSchool, updateSchool } from './school.service';

export const schoolHandlers: HandlersFor<keyof typeof schoolChannels> = {
  // Public (the sign-in screen needs it), so where the database lives is told only to a signed-in caller.
  'school.appStatus': (ctx) => ({
    hasSchool: readSchool(ctx.store.db) !== null,
    demo: isDemo(ctx.store.db),
    version: APP_VERSION,
    today: ctx.today(),
    dbPath: ctx.session.roles.length ? ctx.store.path : null,
  }),
  'school.get': (ctx) => readSchool(ctx.store.db),
  'school.setup': setupSchool,
  'school.update': updateSchool,
};
