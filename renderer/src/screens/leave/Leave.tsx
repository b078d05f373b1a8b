// Leave of absence: the office takes a request in (one form for a family of siblings), the head or an authorised
// person decides it from the queue with every warning and the penalty forecast in view, revisions keep the
// history, the decision letter downloads as .docx, and the office confirms proposed G marks. Everything the
// screen shows (warnings, forecast, codes) is computed in the core; these files only lay it out.
import { Title2 } from '@fluentui/react-components';
import { go, useHashRoute } from '../../hooks';
import { RouteTabs } from '../../components/RouteTabs';
import { GProposals } from './GProposals';
import { Intake } from './intake/Intake';
import { AllRequests, Queue } from './Lists';
import { RequestPage } from './request/RequestPage';

const LEAVE_TABS = [
  { value: 'new', label: 'New request' },
  { value: 'queue', label: 'Decisions waiting' },
  { value: 'all', label: 'All requests' },
  { value: 'g', label: 'Holiday not granted (G) to confirm' },
];

export function Leave({ today }: { today: string }) {
  const route = useHashRoute();
  const [, sub] = route;
  if (sub && /^\d+$/.test(sub)) {
    return <RequestPage id={Number(sub)} />;
  }
  const tab = sub ?? 'new';
  return (
    <div className="page">
      <Title2 as="h1">Leave of absence</Title2>
      <RouteTabs
        label="Leave of absence"
        tabs={LEAVE_TABS}
        selected={tab}
        onSelect={(value) => go(`leave/${value}`)}
      />
      {tab === 'new' && <Intake today={today} />}
      {tab === 'queue' && <Queue />}
      {tab === 'all' && <AllRequests />}
      {tab === 'g' && <GProposals />}
    </div>
  );
}
