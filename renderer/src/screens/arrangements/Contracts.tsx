// Attendance contracts (docs/rules/arrangements.md, "Attendance contracts"): agree one, produce the Word copy from
// the school's attendance-contract template, keep the signed copy, record reviews and the outcome.
import { Text, Title2 } from '@fluentui/react-components';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { NewContract } from './NewContract';
import { ContractCard } from './ContractCard';

export function Contracts({ today }: { today: string }) {
  const me = useMe();
  const list = useRpc('arrangements.contracts', {});
  const mayWrite = mayCall(me, 'arrangements.contractCreate');
  return (
    <div className="page">
      <p>
        <a href="#/arrangements">Part-time timetables and flexi-schooling</a>
      </p>
      <Title2 as="h1">Attendance contracts</Title2>
      <Text>
        A written, voluntary agreement between the parents and the school (and other agencies): not legally
        binding, but a refusal or a broken contract can be relied on if legal action follows.
      </Text>
      {mayWrite && <NewContract today={today} />}
      <ErrorBar error={list.error} />
      {list.data?.contracts.length === 0 && <Text>No attendance contract yet.</Text>}
      {list.data?.contracts.map((c) => (
        <ContractCard key={c.id} c={c} today={today} mayWrite={mayWrite} />
      ))}
    </div>
  );
}
