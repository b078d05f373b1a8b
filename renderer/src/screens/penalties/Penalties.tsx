// The penalty-notice tracker (docs/rules/statistics.md §6): compulsory-age pupils at or near 10 sessions of
// unauthorised absence in 10 school weeks, and for a chosen pupil the register of notices to improve and
// penalty notices: record one against the marks it relies on, and record payment, withdrawal or prosecution
// (never deleted). The
// tracker's table, the pupil's notices and each notice are beside this file.
import { useState } from 'react';
import { Button, ProgressBar, Text, Title2 } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useHashRoute } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadText } from '../../download';
import { PupilNotices } from './PupilNotices';
import { TrackerTable } from './TrackerTable';

export function Penalties({ today }: { today: string }) {
  const route = useHashRoute();
  const selected = route[1] ? Number(route[1]) : null;
  const q = useRpc('penalty.tracker', {});
  const [err, setErr] = useState<unknown>(null);
  const exportCsv = async () => {
    try {
      const r = await call('figures.exportCsv', { list: 'penalty' });
      downloadText(r.filename, r.csv);
    } catch (e) {
      setErr(e);
    }
  };
  const t = q.data;
  return (
    <div className="page">
      <Title2 as="h1">Penalty notices</Title2>
      <Text>
        Pupils of compulsory school age with {t ? t.near : 6} or more sessions of unauthorised absence (G, N,
        O, U) in their worst 10 consecutive school weeks this school year. A penalty notice must be considered
        at {t?.threshold ?? 10}. Support comes first: the school decides, under the local authority's code of
        conduct.
      </Text>
      {q.isFetching && <ProgressBar aria-label="Working out the windows" />}
      <ErrorBar error={q.error ?? err} />
      {t && (
        <section className="card" aria-labelledby="h-tracker">
          <Text as="h2" id="h-tracker" weight="semibold" size={500}>
            At or near the threshold, {formatUkDate(t.from)} to {formatUkDate(t.to)} ({t.rows.length})
          </Text>
          {t.leftOutNotCompulsory > 0 && (
            <Text block className="muted">
              {t.leftOutNotCompulsory} pupil{t.leftOutNotCompulsory === 1 ? ' is' : 's are'} left out: not of
              compulsory school age, so never put forward for a notice.
            </Text>
          )}
          {t.leftOutNotOnRoll > 0 && (
            <Text block className="muted">
              {t.leftOutNotOnRoll} pupil{t.leftOutNotOnRoll === 1 ? ' has' : 's have'} left the school and{' '}
              {t.leftOutNotOnRoll === 1 ? 'is' : 'are'} not listed.
            </Text>
          )}
          <div className="row" style={{ marginBottom: 8 }}>
            <Button onClick={() => void exportCsv()}>Export CSV</Button>
          </div>
          <TrackerTable t={t} selected={selected} />
        </section>
      )}
      {selected !== null && <PupilNotices pupilId={selected} today={today} />}
    </div>
  );
}
