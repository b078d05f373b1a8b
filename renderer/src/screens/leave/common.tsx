// What the leave screens share: a request's status badge and its date range, and the queries a leave change
// refreshes.
import { Badge } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';

export type Row = Output<'leave.list'>['requests'][number];
export type Detail = Output<'leave.get'>;
/** One decision on a request, standing or superseded. */
export type DecisionRow = Detail['decisions'][number];
export const STATUS_LABEL: Record<Row['status'], string> = {
  pending: 'Waiting for a decision',
  granted: 'Granted',
  part: 'Granted in part',
  refused: 'Refused',
};
const STATUS_COLOR = {
  pending: 'warning',
  granted: 'success',
  part: 'informative',
  refused: 'danger',
} as const;
export const LEAVE_INVALIDATES = [
  'leave.list',
  'leave.queue',
  'leave.get',
  'leave.gProposals',
  'registers.get',
] as const;

export function StatusBadge({ status }: { status: Row['status'] }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export const range = (r: Pick<Row, 'fromDate' | 'fromSession' | 'toDate' | 'toSession'>) =>
  `${formatUkDate(r.fromDate)} ${r.fromSession} to ${formatUkDate(r.toDate)} ${r.toSession}`;
