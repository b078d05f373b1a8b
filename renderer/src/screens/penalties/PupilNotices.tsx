// A pupil's register of notices to improve and penalty notices, and recording a new one against the unauthorised
// marks it relies on (never deleted: docs/rules/statistics.md §6).
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { NoticeCard } from './NoticeCard';
import { RecordNotice } from './RecordNotice';

export function PupilNotices({ pupilId, today }: { pupilId: number; today: string }) {
  const q = useRpc('penalty.notices', { pupilId });
  const d = q.data;
  if (!d) {
    return <ErrorBar error={q.error} />;
  }
  return (
    <section className="card" aria-labelledby="h-notices">
      <Text as="h2" id="h-notices" weight="semibold" size={500}>
        Notices for {d.pupil.name} ({d.pupil.regGroup})
      </Text>
      {d.notices.length === 0 ? (
        <Text block>No notices recorded.</Text>
      ) : (
        d.notices.map((n) => <NoticeCard key={n.id} n={n} today={today} />)
      )}
      {!d.pupil.compulsoryAge ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {d.pupil.name} is not of compulsory school age: no notice can be issued.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <RecordNotice pupilId={pupilId} d={d} today={today} />
      )}
    </section>
  );
}
