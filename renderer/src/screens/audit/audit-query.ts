// The audit log's page size and its filters turned into what `audit.list` takes: an empty filter is left out.
import type { Input } from '../../../../shared/contract';
import type { AuditFilterValues } from './AuditFilters';

export const PAGE = 50;

export function auditInput(f: AuditFilterValues, offset: number): Input<'audit.list'> {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
    ...(f.action ? { action: f.action } : {}),
    offset,
    limit: PAGE,
  };
}
