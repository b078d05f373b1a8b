// Self-audit actions in the casework due list (docs/rules/self-audit.md): each open action due within a week or
// overdue, named by its owner. Read by main/core/casework/due.ts.
import { and, asc, eq, lte } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { Db } from '../db/connection';
import { selfauditActions, selfauditAudits } from '../db/schema-selfaudit';

export interface AuditDue {
  actionId: number;
  what: string;
  owner: string;
  dueOn: IsoDate;
  termLabel: string;
}

export function auditActionsDue(db: Db, today: IsoDate): AuditDue[] {
  return drizzle(db)
    .select({
      actionId: selfauditActions.id,
      what: selfauditActions.what,
      owner: selfauditActions.owner,
      dueOn: selfauditActions.dueOn,
      termLabel: selfauditAudits.termLabel,
    })
    .from(selfauditActions)
    .innerJoin(selfauditAudits, eq(selfauditAudits.id, selfauditActions.auditId))
    .where(and(eq(selfauditActions.status, 'open'), lte(selfauditActions.dueOn, addDays(today, 7))))
    .orderBy(asc(selfauditActions.dueOn))
    .all();
}
