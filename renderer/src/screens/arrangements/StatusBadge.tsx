// An arrangement's status as a coloured badge (labels in shared/channels/arrangements.ts).
import { Badge } from '@fluentui/react-components';
import { ARRANGEMENT_STATUS_LABELS, type ArrangementStatus } from '../../../../shared/arrangements';

const STATUS_COLOR: Record<ArrangementStatus, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  planned: 'informative',
  active: 'success',
  review_overdue: 'danger',
  expired: 'danger',
  ended: 'subtle',
};

export function StatusBadge({ status }: { status: ArrangementStatus }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]}>
      {ARRANGEMENT_STATUS_LABELS[status]}
    </Badge>
  );
}
