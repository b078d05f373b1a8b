// A pupil's letters (docs/rules/letters.md §1.1 G6, §1.3): the log with each letter's sends, a logged letter's file,
// marking a letter sent, the ladder, meetings with the family and the contacts no letter may go to (G8).
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { eq } from 'drizzle-orm';
import { letterContactRestrictions, letterMeetings, letterSends } from '../db/schema-letters';
import { AppError, noSuchPupil } from '../errors';
import { templateSpec } from './templates';
import { ladderStages } from './ladder';
import {
  letterFileOf,
  loggedLetter,
  logEntriesOf,
  meetingsOf,
  pupilExists,
  restrictionInForce,
  restrictionsOf,
  sendsQuery,
} from './letter-rows';

export function pupilLog(ctx: Ctx, i: Input<'letters.log'>): Output<'letters.log'> {
  const orm = ctx.store.orm;
  if (!pupilExists(orm, i.pupilId)) {
    throw noSuchPupil();
  }
  const sends = sendsQuery(orm);
  const entries = logEntriesOf(orm, i.pupilId).map((r) => ({
    id: r.id,
    pupilId: r.pupilId,
    siblingIds: JSON.parse(r.siblingIds) as number[],
    template: r.template,
    title: templateSpec(r.template)?.title ?? r.template,
    templateVersion: r.templateVersion,
    stage: r.stage,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    asOf: r.asOf,
    letterDate: r.letterDate,
    reference: r.reference,
    attendancePct: (JSON.parse(r.figures) as { attendancePct: number | null }).attendancePct,
    addressees: JSON.parse(r.addressees),
    flags: JSON.parse(r.flags),
    overrideReason: r.overrideReason,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    generatedBy: r.generatedBy,
    generatedAt: r.generatedAt,
    batchId: r.batchId,
    sends: sends.all({ logId: r.id }),
  }));
  const meetings = meetingsOf(orm, i.pupilId);
  const restrictions = restrictionsOf(orm, i.pupilId);
  return {
    entries,
    ladder: ladderStages(ctx.store.db, [i.pupilId]).get(i.pupilId)!,
    meetings,
    restrictions,
  };
}

export function letterFile(ctx: Ctx, i: Input<'letters.file'>): Output<'letters.file'> {
  const r = letterFileOf(ctx.store.orm, i.logId);
  if (!r) {
    throw new AppError('not_found', 'There is no such letter in the log.');
  }
  return { fileName: r.fileName, base64: r.bytes.toString('base64'), sha256: r.sha };
}

export function markSent(ctx: Ctx, i: Input<'letters.markSent'>): Output<'letters.markSent'> {
  const orm = ctx.store.orm;
  const l = loggedLetter(orm, i.logId);
  if (!l) {
    throw new AppError('not_found', 'There is no such letter in the log.');
  }
  if (i.sentOn < l.d) {
    throw new AppError('invalid', 'A letter cannot be sent before the date it carries.', [
      { path: 'sentOn', message: 'before the letter date' },
    ]);
  }
  if (i.sentOn > ctx.today()) {
    throw new AppError('invalid', 'The sending date is in the future.', [
      { path: 'sentOn', message: 'in the future' },
    ]);
  }
  const r = orm
    .insert(letterSends)
    .values({
      logId: i.logId,
      method: i.method,
      sentOn: i.sentOn,
      note: i.note ?? null,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .run();
  ctx.audit('letter.sent', 'pupil', l.pid, { logId: i.logId, method: i.method, sentOn: i.sentOn });
  return { id: Number(r.lastInsertRowid) };
}

export function ladder(ctx: Ctx, i: Input<'letters.ladder'>): Output<'letters.ladder'> {
  const m = ladderStages(ctx.store.db, i.pupilIds);
  return { stages: [...m.entries()].map(([pupilId, v]) => ({ pupilId, ...v })) };
}

export function saveMeeting(ctx: Ctx, i: Input<'letters.saveMeeting'>): Output<'letters.saveMeeting'> {
  const db = ctx.store.db;
  const orm = ctx.store.orm;
  if (!pupilExists(orm, i.pupilId)) {
    throw noSuchPupil();
  }
  if (i.held && i.date > ctx.today()) {
    throw new AppError('invalid', 'A meeting in the future cannot have been held yet.', [
      { path: 'held', message: 'date in the future' },
    ]);
  }
  const fields = {
    kind: i.kind,
    date: i.date,
    time: i.time,
    place: i.place,
    attendees: i.attendees,
    held: i.held,
    notes: i.notes,
  };
  if (i.id) {
    const before = db
      .prepare('SELECT * FROM letter_meetings WHERE id = ? AND pupil_id = ?')
      .get(i.id, i.pupilId);
    if (!before) {
      throw new AppError('not_found', 'There is no such meeting.');
    }
    orm.update(letterMeetings).set(fields).where(eq(letterMeetings.id, i.id)).run();
    ctx.audit('letters.meeting', 'pupil', i.pupilId, { before, after: i });
    return { id: i.id };
  }
  const r = orm
    .insert(letterMeetings)
    .values({
      pupilId: i.pupilId,
      ...fields,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.meeting', 'pupil', i.pupilId, { after: i });
  return { id: Number(r.lastInsertRowid) };
}

export function restrictContact(
  ctx: Ctx,
  i: Input<'letters.restrictContact'>,
): Output<'letters.restrictContact'> {
  const orm = ctx.store.orm;
  if (!pupilExists(orm, i.pupilId)) {
    throw noSuchPupil();
  }
  const r = orm
    .insert(letterContactRestrictions)
    .values({
      pupilId: i.pupilId,
      contactName: i.contactName,
      reason: i.reason,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.restrictContact', 'pupil', i.pupilId, { contactName: i.contactName, reason: i.reason });
  return { id: Number(r.lastInsertRowid) };
}

export function liftRestriction(
  ctx: Ctx,
  i: Input<'letters.liftRestriction'>,
): Output<'letters.liftRestriction'> {
  const orm = ctx.store.orm;
  const r = restrictionInForce(orm, i.id);
  if (!r) {
    throw new AppError('not_found', 'There is no such restriction in force.');
  }
  orm
    .update(letterContactRestrictions)
    .set({ liftedBy: ctx.session.userName, liftedAt: ctx.now() })
    .where(eq(letterContactRestrictions.id, i.id))
    .run();
  ctx.audit('letters.liftRestriction', 'pupil', r.pid, { contactName: r.n });
  return { ok: true };
}
