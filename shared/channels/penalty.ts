// The penalty channels: the penalty-notice tracker and the notices themselves (services in main/core/figures).
import { z } from 'zod';
import { STAFF, ch } from '../contract-core';
import { isoDate } from '../pupil';
import { NoticeKind, NoticeStatus, PupilRef, SessionSchema, TrackerInput, int } from './figures';

export const penaltyChannels = {
  'penalty.tracker': ch(
    TrackerInput,
    z.object({
      from: z.string(),
      to: z.string(),
      threshold: int,
      near: int,
      rows: z.array(
        z.object({
          ...PupilRef,
          sessionsMaxWindow: int,
          sessionsToGo: int,
          thresholdFirstMet: z.string().nullable(),
          /** G N O U marks of the last 10 school weeks to `to` that no notice of that kind relies on yet. */
          uncitedInLastWindow: int,
          penaltyNoticesIn3Years: int,
          /** The worst window in dates, also when it lies before the period (docs/rules/statistics.md §6). */
          worstWindow: z
            .object({
              from: z.string(),
              to: z.string(),
              sessions: int,
              metOn: z.string().nullable(),
              schoolYear: z.string(),
              earlierYear: z.boolean(),
            })
            .nullable(),
          /** At the threshold: whether a notice can still be considered, in a plain sentence; else null. */
          notice: z.object({ yes: z.boolean(), reason: z.string() }).nullable(),
        }),
      ),
      /** Pupils at or near the threshold left out because they are not of compulsory school age on `to`. */
      leftOutNotCompulsory: int,
      /** Pupils at or near the threshold who are no longer on roll on `to` (the school cannot act on them). */
      leftOutNotOnRoll: int,
    }),
    STAFF,
  ),
  'penalty.notices': ch(
    z.object({ pupilId: int, asOf: isoDate.optional() }),
    z.object({
      pupil: z.object({ ...PupilRef, compulsoryAge: z.boolean() }),
      parents: z.array(
        z.object({
          name: z.string(),
          relationship: z.string().nullable(),
          livesWith: z.boolean(),
          parentalResponsibility: z.boolean(),
        }),
      ),
      notices: z.array(
        z.object({
          id: int,
          kind: NoticeKind,
          issuedOn: z.string(),
          parentName: z.string(),
          amount: int.nullable(),
          note: z.string().nullable(),
          status: NoticeStatus,
          recordedBy: z.string(),
          recordedAt: z.string(),
          events: z.array(
            z.object({
              status: NoticeStatus,
              onDate: z.string(),
              reason: z.string().nullable(),
              by: z.string(),
              at: z.string(),
            }),
          ),
          marks: z.array(
            z.object({
              markId: int,
              date: z.string(),
              session: SessionSchema,
              code: z.string(),
              stillUnauthorised: z.boolean(),
            }),
          ),
        }),
      ),
      /** Unauthorised marks (G N O U, from 19 Aug 2024) up to asOf that a new notice could rely on. */
      candidateMarks: z.array(
        z.object({
          markId: int,
          date: z.string(),
          session: SessionSchema,
          code: z.string(),
          inLastWindow: z.boolean(),
          citedBy: z.array(z.object({ noticeId: int, kind: NoticeKind })),
        }),
      ),
    }),
    STAFF,
  ),
  'penalty.record': ch(
    z.object({
      pupilId: int,
      kind: NoticeKind,
      issuedOn: isoDate,
      parentName: z.string().trim().min(1, 'name the parent the notice is issued to').max(200),
      amount: z.union([z.literal(80), z.literal(160)]).nullable(),
      markIds: z.array(int).min(1, 'choose the unauthorised marks the notice relies on').max(400),
      note: z.string().trim().max(1000).nullable().optional(),
    }),
    z.object({ id: int }),
    ['lead', 'head'],
    { write: true },
  ),
  'penalty.update': ch(
    z.object({
      noticeId: int,
      status: z.enum(['paid', 'unpaid', 'withdrawn', 'prosecuted']),
      onDate: isoDate,
      reason: z.string().trim().min(1, 'give the reason or reference for the change').max(1000),
    }),
    z.object({ ok: z.literal(true) }),
    ['lead', 'head'],
    { write: true },
  ),
} as const;
