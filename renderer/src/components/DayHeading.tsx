// The heading of a home page: today's date in words and the school's name under it.
import { Text, Title2 } from '@fluentui/react-components';
import { formatLongDate } from '../../../shared/dates';
import { useRpc } from '../hooks';

export function DayHeading({ today }: { today: string }) {
  const school = useRpc('school.get', {});
  return (
    <div>
      <Title2 as="h1">{formatLongDate(today, true)}</Title2>
      <Text block size={400} className="muted">
        {school.data?.name ?? ''}
      </Text>
    </div>
  );
}
