// The calendar area's channels: terms, holidays, bank holidays and the school days they leave.
import { z } from 'zod';
import { isoDate, optText } from '../pupil';
import { ALL, SETTINGS, ch } from '../contract-core';

export const CalendarRangeSchema = z
  .object({
    id: z.number().int().optional(),
    dateFrom: isoDate,
    dateTo: isoDate,
    kind: z.enum(['term', 'closure']),
    label: optText,
  })
  .refine((r) => r.dateFrom <= r.dateTo, { message: 'the range ends before it starts', path: ['dateTo'] });

const BankHolidayOverrideSchema = z.object({
  date: isoDate,
  action: z.enum(['add', 'remove']),
  label: optText,
});

const DayInfo = z.object({
  date: isoDate,
  kind: z.enum(['school', 'weekend', 'bank_holiday', 'closure', 'holiday']),
  label: z.string().nullable(),
});

export const calendarChannels = {
  'calendar.get': ch(
    z.object({ from: isoDate, to: isoDate }),
    z.object({
      ranges: z.array(CalendarRangeSchema),
      overrides: z.array(BankHolidayOverrideSchema),
      days: z.array(DayInfo),
    }),
    ALL,
  ),
  'calendar.addRange': ch(CalendarRangeSchema, z.object({ id: z.number().int() }), SETTINGS, { write: true }),
  'calendar.removeRange': ch(
    z.object({ id: z.number().int() }),
    z.object({ ok: z.literal(true) }),
    SETTINGS,
    { write: true },
  ),
  'calendar.setBankHoliday': ch(BankHolidayOverrideSchema, z.object({ ok: z.literal(true) }), SETTINGS, {
    write: true,
  }),
  'calendar.import': ch(
    z.object({ csv: z.string().max(5_000_000) }),
    z.object({ added: z.number().int(), unchanged: z.number().int() }),
    SETTINGS,
    { write: true },
  ),
} as const;
