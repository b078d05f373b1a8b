// Agreed arrangements (docs/rules/arrangements.md): the part-time timetables and flexi-schooling agreements in
// force, what is due (reviews, ends, outcomes), and each one's record. Routes: #/arrangements,
// #/arrangements/new/part_time, #/arrangements/new/flexi, #/arrangements/<id>.
import { Button, Field, Input, Text, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { go, useHashRoute, useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { NewArrangement } from './NewArrangement';
import { LaMeeting } from './LaMeeting';
import { CmeCases } from './CmeCases';
import { Contracts } from './Contracts';
import { ArrangementDetail } from './ArrangementDetail';
import { DueSection, InForceSection } from './ArrangementSections';

export function Arrangements({ today }: { today: string }) {
  const [, sub, kind] = useHashRoute();
  if (sub === 'new' && (kind === 'part_time' || kind === 'flexi')) {
    return <NewArrangement kind={kind} today={today} />;
  }
  if (sub === 'contracts') {
    return <Contracts today={today} />;
  }
  if (sub === 'cme') {
    return <CmeCases today={today} />;
  }
  if (sub === 'la') {
    return <LaMeeting today={today} />;
  }
  if (sub && /^\d+$/.test(sub)) {
    return <ArrangementDetail id={Number(sub)} today={today} />;
  }
  return <ArrangementList />;
}

function ReviewSetting() {
  const q = useRpc('arrangements.settings', {});
  const save = useRpcMutation('arrangements.setSettings', ['arrangements.settings']);
  const [weeks, setWeeks] = useState('');
  const shown = weeks || String(q.data?.reviewEveryWeeks ?? '');
  return (
    <section className="card" aria-labelledby="h-setting">
      <Text as="h2" id="h-setting" weight="semibold" size={500}>
        How often arrangements are reviewed
      </Text>
      <div className="row">
        <Field label="At least every (weeks)">
          <Input type="number" min={1} max={12} value={shown} onChange={(_, d) => setWeeks(d.value)} />
        </Field>
        <Button onClick={() => save.mutate({ reviewEveryWeeks: Number(shown) })}>Save</Button>
        {save.isSuccess && (
          <Text role="status">Saved: new arrangements are reviewed at least every {shown} weeks.</Text>
        )}
      </div>
      <ErrorBar error={save.error ?? q.error} />
    </section>
  );
}

function ArrangementList() {
  const me = useMe();
  const [all, setAll] = useState(false);
  const list = useRpc('arrangements.list', all ? {} : { current: true });
  const due = useRpc('arrangements.due', {});
  const mayAgree = mayCall(me, 'arrangements.create');
  return (
    <div className="page">
      <Title2 as="h1">Part-time timetables and flexi-schooling</Title2>
      {mayAgree && (
        <div className="row">
          <Button appearance="primary" onClick={() => go('arrangements/new/part_time')}>
            Agree a part-time timetable
          </Button>
          <Button onClick={() => go('arrangements/new/flexi')}>Agree a flexi-schooling agreement</Button>
          <Button onClick={() => go('arrangements/la')}>Termly meeting with the LA</Button>
        </div>
      )}
      <div className="row">
        <Button onClick={() => go('arrangements/contracts')}>Attendance contracts</Button>
        <Button onClick={() => go('arrangements/cme')}>Children missing education</Button>
      </div>
      {mayCall(me, 'arrangements.setSettings') && <ReviewSetting />}
      <DueSection items={due.data?.items} error={due.error} />
      <InForceSection all={all} setAll={setAll} rows={list.data?.arrangements} error={list.error} />
    </div>
  );
}
