// Running and reviewing a termly self-audit (docs/rules/self-audit.md). A run measures every item of the
// checklist for the term and keeps the evidence as measured; the lead's confirmations are new rows (the newest per
// item counts); actions carry an owner and a due date and join the casework due list.
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import { EvidenceRowSchema, type AuditStatus } from '../../../shared/channels/selfaudit';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import {
  selfauditActions,
  selfauditAudits,
  selfauditExports,
  selfauditItems,
  selfauditReviews,
} from '../db/schema-selfaudit';
import { AUDIT_ITEMS, auditItem } from './items';
import { schoolTerms, termByKey } from './terms';

type AuditRow = typeof selfauditAudits.$inferSelect;

export function listTerms(ctx: Ctx): Output<'selfaudit.terms'> {
  const runs = ctx.store.orm.select().from(selfauditAudits).orderBy(desc(selfauditAudits.id)).all();
  return {
    terms: schoolTerms(ctx).map((t) => ({
      ...t,
      audits: runs
        .filter((r) => r.termKey === t.key)
        .map((r) => ({ id: r.id, runAt: r.runAt, runBy: r.runBy })),
    })),
  };
}

export function runAudit(ctx: Ctx, i: Input<'selfaudit.run'>): Output<'selfaudit.run'> {
  const term = termByKey(ctx, i.termKey);
  const today = ctx.today();
  if (term.from > today) {
    throw new AppError('refused', `The ${term.label} has not started yet: run its audit once it has begun.`);
  }
  const p = { from: term.from, to: term.to, asOf: term.to < today ? term.to : today };
  const measured = AUDIT_ITEMS.map((item) => ({ item, e: item.compute(ctx, p) }));
  const orm = ctx.store.orm;
  const id = ctx.store.db.transaction(() => {
    const a = orm
      .insert(selfauditAudits)
      .values({
        termKey: term.key,
        termLabel: term.label,
        periodFrom: p.from,
        periodTo: p.to,
        asOf: p.asOf,
        runBy: ctx.session.displayName ?? ctx.session.userName,
        runAt: ctx.now(),
      })
      .returning({ id: selfauditAudits.id })
      .get();
    for (const { item, e } of measured) {
      orm
        .insert(selfauditItems)
        .values({
          auditId: a.id,
          itemId: item.id,
          figure: e.figure,
          shortfall: e.shortfall,
          measured: e.measured,
          proposed: e.proposed,
          evidence: JSON.stringify(e.rows),
        })
        .run();
    }
    return a.id;
  })();
  ctx.audit('selfaudit.run', 'selfaudit_audit', id, { term: term.key, asOf: p.asOf });
  return { id };
}

function loadAudit(ctx: Ctx, id: number): AuditRow {
  const a = ctx.store.orm.select().from(selfauditAudits).where(eq(selfauditAudits.id, id)).get();
  if (!a) {
    throw new AppError('not_found', 'There is no such self-audit.');
  }
  return a;
}

/** The newest run of the latest term before this one, for "what changed". */
function previousAudit(ctx: Ctx, a: AuditRow): AuditRow | undefined {
  return ctx.store.orm
    .select()
    .from(selfauditAudits)
    .where(lt(selfauditAudits.periodTo, a.periodFrom))
    .orderBy(desc(selfauditAudits.periodTo), desc(selfauditAudits.id))
    .limit(1)
    .get();
}

/** Each item's stored evidence, reviews and status in force. */
function itemsOf(ctx: Ctx, auditId: number) {
  const orm = ctx.store.orm;
  const reviews = orm
    .select()
    .from(selfauditReviews)
    .where(eq(selfauditReviews.auditId, auditId))
    .orderBy(asc(selfauditReviews.id))
    .all();
  return orm
    .select()
    .from(selfauditItems)
    .where(eq(selfauditItems.auditId, auditId))
    .orderBy(asc(selfauditItems.id))
    .all()
    .map((r) => {
      const mine = reviews.filter((v) => v.itemId === r.itemId);
      const status: AuditStatus | null = mine.at(-1)?.status ?? r.proposed;
      return { row: r, reviews: mine, status };
    });
}

export function getAudit(ctx: Ctx, i: Input<'selfaudit.get'>): Output<'selfaudit.get'> {
  const a = loadAudit(ctx, i.id);
  const prev = previousAudit(ctx, a);
  const before = new Map(prev ? itemsOf(ctx, prev.id).map((x) => [x.row.itemId, x]) : []);
  const orm = ctx.store.orm;
  const items = itemsOf(ctx, a.id).map(({ row, reviews, status }) => {
    const spec = auditItem(row.itemId);
    const b = before.get(row.itemId);
    return {
      itemId: row.itemId,
      tier: spec?.tier ?? 'all',
      wording: spec?.wording ?? row.itemId,
      how: spec?.how ?? '',
      threshold: spec?.threshold ?? '',
      figure: row.figure,
      shortfall: row.shortfall,
      measured: row.measured,
      proposed: row.proposed,
      status,
      reviews: reviews.map((v) => ({ status: v.status, note: v.note, by: v.by, at: v.at })),
      evidence: EvidenceRowSchema.array().parse(JSON.parse(row.evidence)),
      previous: b ? { figure: b.row.figure, status: b.status } : null,
    };
  });
  return {
    id: a.id,
    termKey: a.termKey,
    termLabel: a.termLabel,
    from: a.periodFrom,
    to: a.periodTo,
    asOf: a.asOf,
    runBy: a.runBy,
    runAt: a.runAt,
    previous: prev ? { id: prev.id, termLabel: prev.termLabel } : null,
    items,
    actions: orm
      .select()
      .from(selfauditActions)
      .where(eq(selfauditActions.auditId, a.id))
      .orderBy(asc(selfauditActions.dueOn), asc(selfauditActions.id))
      .all()
      .map((x) => ({
        id: x.id,
        itemId: x.itemId,
        what: x.what,
        owner: x.owner,
        dueOn: x.dueOn,
        status: x.status,
        doneOn: x.doneOn,
      })),
    exports: orm
      .select()
      .from(selfauditExports)
      .where(eq(selfauditExports.auditId, a.id))
      .orderBy(asc(selfauditExports.id))
      .all()
      .map((x) => ({ fileName: x.fileName, by: x.by, at: x.at })),
  };
}

function itemOfAudit(ctx: Ctx, auditId: number, itemId: string) {
  loadAudit(ctx, auditId);
  const r = ctx.store.orm
    .select()
    .from(selfauditItems)
    .where(and(eq(selfauditItems.auditId, auditId), eq(selfauditItems.itemId, itemId)))
    .get();
  if (!r) {
    throw new AppError('not_found', 'That item is not part of this self-audit.');
  }
  return r;
}

export function reviewItem(ctx: Ctx, i: Input<'selfaudit.review'>): Output<'selfaudit.review'> {
  itemOfAudit(ctx, i.auditId, i.itemId);
  ctx.store.orm
    .insert(selfauditReviews)
    .values({
      auditId: i.auditId,
      itemId: i.itemId,
      status: i.status,
      note: i.note,
      by: ctx.session.displayName ?? ctx.session.userName,
      at: ctx.now(),
    })
    .run();
  ctx.audit('selfaudit.review', 'selfaudit_audit', i.auditId, { item: i.itemId, status: i.status });
  return { ok: true };
}

export function addAction(ctx: Ctx, i: Input<'selfaudit.addAction'>): Output<'selfaudit.addAction'> {
  itemOfAudit(ctx, i.auditId, i.itemId);
  const r = ctx.store.orm
    .insert(selfauditActions)
    .values({
      auditId: i.auditId,
      itemId: i.itemId,
      what: i.what,
      owner: i.owner,
      dueOn: i.dueOn,
      createdBy: ctx.session.displayName ?? ctx.session.userName,
      createdAt: ctx.now(),
    })
    .returning({ id: selfauditActions.id })
    .get();
  ctx.audit('selfaudit.addAction', 'selfaudit_action', r.id, { audit: i.auditId, item: i.itemId });
  return { id: r.id };
}

export function actionDone(ctx: Ctx, i: Input<'selfaudit.actionDone'>): Output<'selfaudit.actionDone'> {
  const a = ctx.store.orm.select().from(selfauditActions).where(eq(selfauditActions.id, i.actionId)).get();
  if (!a) {
    throw new AppError('not_found', 'There is no such action.');
  }
  if (a.status === 'done') {
    throw new AppError('conflict', 'That action is already marked done.');
  }
  ctx.store.orm
    .update(selfauditActions)
    .set({ status: 'done', doneOn: i.doneOn })
    .where(eq(selfauditActions.id, a.id))
    .run();
  ctx.audit('selfaudit.actionDone', 'selfaudit_action', a.id, { doneOn: i.doneOn });
  return { ok: true };
}
