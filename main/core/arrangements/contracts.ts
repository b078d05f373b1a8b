// Attendance contracts (docs/rules/arrangements.md, "Attendance contracts"): a written, voluntary agreement between
// the parents and the school (and other agencies): parties, date, what each commits to, the support offered,
// review dates; afterwards reviews, the outcome, the signed copy kept as a file, and each Word copy produced from the
// attendance-contract template through the letters engine (so it is in the letter log too).
import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { CONTRACT_OUTCOME_LABELS } from '../../../shared/arrangements';
import type { Input, Output } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import { AppError, noSuchPupil } from '../errors';
import { pupils } from '../db/schema';
import { caseworkPlans } from '../db/schema-casework';
import { attendanceContractEvents, attendanceContracts } from '../db/schema-arrangements';
import { startLetters } from '../letters/letters.service';
import { checkLink } from './arrangements.service';

type Row = Output<'arrangements.contracts'>['contracts'][number];
const by = (ctx: Ctx) => ctx.session.displayName ?? ctx.session.userName;

export function listContracts(ctx: Ctx, pupilId?: number): Row[] {
  const orm = ctx.store.orm;
  const rows = orm
    .select()
    .from(attendanceContracts)
    .innerJoin(pupils, eq(pupils.id, attendanceContracts.pupilId))
    .where(pupilId === undefined ? undefined : eq(attendanceContracts.pupilId, pupilId))
    .orderBy(asc(attendanceContracts.agreedOn), asc(attendanceContracts.id))
    .all();
  const ids = rows.map((r) => r.attendance_contracts.id);
  const events = ids.length
    ? orm
        .select({
          id: attendanceContractEvents.id,
          contractId: attendanceContractEvents.contractId,
          kind: attendanceContractEvents.kind,
          on: attendanceContractEvents.on,
          notes: attendanceContractEvents.notes,
          fileName: attendanceContractEvents.fileName,
          letterLogId: attendanceContractEvents.letterLogId,
          by: attendanceContractEvents.by,
        })
        .from(attendanceContractEvents)
        .where(inArray(attendanceContractEvents.contractId, ids))
        .orderBy(asc(attendanceContractEvents.on), asc(attendanceContractEvents.id))
        .all()
    : [];
  const today = ctx.today();
  return rows.map(({ attendance_contracts: c, pupils: p }) => {
    const mine = events.filter((e) => e.contractId === c.id).map(({ contractId: _c, ...e }) => e);
    const outcome = mine.find((e) => e.kind === 'outcome') ?? null;
    const reviewed = mine.filter((e) => e.kind === 'review').map((e) => e.on);
    const dates = JSON.parse(c.reviewDates) as string[];
    const last = reviewed[reviewed.length - 1] ?? '';
    return {
      id: c.id,
      pupilId: p.id,
      pupilName: pupilName(p),
      agreedOn: c.agreedOn,
      parties: c.parties,
      parentCommitments: c.parentCommitments,
      pupilCommitments: c.pupilCommitments,
      schoolCommitments: c.schoolCommitments,
      agencyCommitments: c.agencyCommitments,
      supportOffered: c.supportOffered,
      reviewDates: dates,
      planId: c.planId,
      createdBy: c.createdBy,
      events: mine,
      outcome: outcome?.notes ?? null,
      nextReviewOn: outcome
        ? null
        : (dates.find((d) => d > last && d >= today) ?? dates.find((d) => d > last) ?? null),
    };
  });
}

export function createContract(
  ctx: Ctx,
  i: Input<'arrangements.contractCreate'>,
): Output<'arrangements.contractCreate'> {
  const p = ctx.store.orm.select().from(pupils).where(eq(pupils.id, i.pupilId)).get();
  if (!p) {
    throw noSuchPupil();
  }
  if (i.reviewDates.some((d) => d <= i.agreedOn)) {
    throw new AppError(
      'invalid',
      `Review dates fall after the contract is agreed (${formatUkDate(i.agreedOn)}).`,
    );
  }
  if (i.planId !== null && i.planId !== undefined) {
    checkLink(ctx, caseworkPlans, i.planId, i.pupilId, pupilName(p), 'reintegration plan');
  }
  const row = ctx.store.orm
    .insert(attendanceContracts)
    .values({
      pupilId: i.pupilId,
      agreedOn: i.agreedOn,
      parties: i.parties,
      parentCommitments: i.parentCommitments,
      pupilCommitments: i.pupilCommitments ?? null,
      schoolCommitments: i.schoolCommitments,
      agencyCommitments: i.agencyCommitments ?? null,
      supportOffered: i.supportOffered,
      reviewDates: JSON.stringify([...new Set(i.reviewDates)].sort()),
      planId: i.planId ?? null,
      createdBy: by(ctx),
      createdAt: ctx.now(),
    })
    .returning()
    .get();
  ctx.audit('arrangements.contractCreate', 'attendance_contract', row.id, { pupilId: i.pupilId });
  return { id: row.id };
}

function openContract(ctx: Ctx, id: number): Row {
  const c = listContracts(ctx).find((x) => x.id === id);
  if (!c) {
    throw new AppError('not_found', `There is no attendance contract ${id}.`);
  }
  return c;
}

export function contractEvent(
  ctx: Ctx,
  i: Input<'arrangements.contractEvent'>,
): Output<'arrangements.contractEvent'> {
  const c = openContract(ctx, i.contractId);
  if (c.outcome !== null) {
    throw new AppError(
      'refused',
      `The contract with ${c.pupilName}'s family has ended: agree a new one instead.`,
    );
  }
  if (i.on < c.agreedOn || i.on > ctx.today()) {
    throw new AppError('invalid', `The date falls from ${formatUkDate(c.agreedOn)} to today.`);
  }
  if (i.kind === 'outcome' && !i.outcome) {
    throw new AppError('invalid', 'Choose the outcome.');
  }
  const notes = i.kind === 'outcome' ? `${CONTRACT_OUTCOME_LABELS[i.outcome!]}: ${i.notes}` : i.notes;
  const row = ctx.store.orm
    .insert(attendanceContractEvents)
    .values({ contractId: i.contractId, kind: i.kind, on: i.on, notes, by: by(ctx), at: ctx.now() })
    .returning({ id: attendanceContractEvents.id })
    .get();
  ctx.audit('arrangements.contractEvent', 'attendance_contract', i.contractId, { kind: i.kind });
  return { id: row.id };
}

export function signedCopy(
  ctx: Ctx,
  i: Input<'arrangements.contractSignedCopy'>,
): Output<'arrangements.contractSignedCopy'> {
  openContract(ctx, i.contractId);
  const bytes = Buffer.from(i.base64, 'base64');
  if (!bytes.length) {
    throw new AppError('invalid', 'The file is empty.');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = ctx.store.orm
    .insert(attendanceContractEvents)
    .values({
      contractId: i.contractId,
      kind: 'signed_copy',
      on: ctx.today(),
      fileName: i.fileName,
      mimeType: i.mimeType,
      bytes,
      sha256,
      by: by(ctx),
      at: ctx.now(),
    })
    .returning({ id: attendanceContractEvents.id })
    .get();
  ctx.audit('arrangements.contractSignedCopy', 'attendance_contract', i.contractId, { sha256 });
  return { id: row.id, sha256 };
}

export function contractFile(
  ctx: Ctx,
  i: Input<'arrangements.contractFile'>,
): Output<'arrangements.contractFile'> {
  const e = ctx.store.orm
    .select()
    .from(attendanceContractEvents)
    .where(eq(attendanceContractEvents.id, i.eventId))
    .get();
  if (!e || !e.bytes || !e.fileName) {
    throw new AppError('not_found', 'There is no such file.');
  }
  return {
    fileName: e.fileName,
    mimeType: e.mimeType ?? 'application/octet-stream',
    base64: e.bytes.toString('base64'),
  };
}

export function contractLetter(
  ctx: Ctx,
  i: Input<'arrangements.contractLetter'>,
): Output<'arrangements.contractLetter'> {
  const c = openContract(ctx, i.contractId);
  const commitments = [
    `Agreed on ${formatUkDate(c.agreedOn)} by: ${c.parties}`,
    `The parents will: ${c.parentCommitments}`,
    ...(c.pupilCommitments ? [`The pupil will: ${c.pupilCommitments}`] : []),
    `The school will: ${c.schoolCommitments}`,
    ...(c.agencyCommitments ? [`Other agencies will: ${c.agencyCommitments}`] : []),
    `Support offered: ${c.supportOffered}`,
  ].join('\n');
  const started = startLetters(
    ctx,
    {
      template: 'attendance-contract',
      pupilIds: [c.pupilId],
      extra: {
        'contract.commitments': commitments,
        'contract.reviews': c.reviewDates.map(formatUkDate).join(', '),
      },
    },
    (letters) => {
      for (const l of letters) {
        ctx.store.orm
          .insert(attendanceContractEvents)
          .values({
            contractId: c.id,
            kind: 'letter',
            on: ctx.today(),
            fileName: l.fileName,
            letterLogId: l.logId,
            by: by(ctx),
            at: ctx.now(),
          })
          .run();
      }
    },
  );
  return { jobId: started.jobId, letters: started.letters };
}
