// Handlers of the calendar channels (shared/channels/calendar.ts).
import type { HandlersFor } from '../dispatch';
import type { calendarChannels } from '../../../shared/channels/calendar';
import { addRange, getCalendar, importCalendar, removeRange, setBankHoliday } from './calendar.service';

export const calendarHandlers: HandlersFor<keyof typeof calendarChannels> = {
  'calendar.get': getCalendar,
  'calendar.addRange': addRange,
  'calendar.removeRange': removeRange,
  'calendar.setBankHoliday': setBankHoliday,
  'calendar.import': importCalendar,
};
