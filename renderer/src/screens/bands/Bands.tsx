// Pupils by band (docs/rules/statistics.md §4) with movement since an earlier date (into and out of
// persistent and severe absence), filtered by cohort; each row opens the pupil. Bands come from the core,
// never from rounded figures. The filters, the counts and the table are beside this file.
import { useState } from 'react';
import { Button, ProgressBar, Title2 } from '@fluentui/react-components';
import { academicYearOf, academicYearRange, addDays } from '../../../../shared/dates';
import type { Input } from '../../../../shared/contract';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadText } from '../../download';
import { BandFilters, type Filters } from './Filters';
import { Summary } from './Summary';
import { BandTable } from './BandTable';

/** 1 September of the school year of `d`. */
const yearStart = (d: string) => academicYearRange(academicYearOf(d)).from;

/** The period (this school year to today) and the movement date (four weeks ago, not before the year began). */
function usePeriod(today: string) {
  const [from, setFrom] = useState(() => yearStart(today));
  const [to, setTo] = useState(today);
  const [since, setSince] = useState(() => {
    const s = addDays(today, -28);
    return s < yearStart(today) ? yearStart(today) : s;
  });
  return { from, to, since, setFrom, setTo, setSince };
}

export function Bands({ today }: { today: string }) {
  const p = usePeriod(today);
  const { from, to, since } = p;
  const [f, setF] = useState<Filters>({});
  const input: Input<'figures.bands'> = {
    from,
    to,
    since: since && since >= from && since <= to ? since : undefined,
    ...f,
  };
  const q = useRpc('figures.bands', input, { enabled: !!from && !!to && from <= to });
  const [err, setErr] = useState<unknown>(null);
  const d = q.data;
  // A severe pupil with no joint approach agreed with the LA is flagged (docs/rules/casework.md).
  const severeIds = d?.rows.filter((r) => r.band === 'severe').map((r) => r.pupilId) ?? [];
  const noJoint = useRpc(
    'casework.severeWithoutJoint',
    { pupilIds: severeIds },
    { enabled: severeIds.length > 0 },
  );
  const missingJoint = new Set(noJoint.data?.pupilIds ?? []);
  const exportCsv = async () => {
    try {
      const r = await call('figures.exportCsv', { list: 'bands', ...input });
      downloadText(r.filename, r.csv);
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <div className="page">
      <Title2 as="h1">Pupils by band</Title2>
      <div className="row">
        <BandFilters p={p} f={f} setF={setF} regGroups={d?.regGroups ?? []} />
        <Button onClick={() => void exportCsv()} disabled={!d}>
          Export CSV
        </Button>
      </div>
      {q.isFetching && <ProgressBar aria-label="Working out the bands" />}
      <ErrorBar error={q.error ?? err} />
      {d && <Summary d={d} />}
      {d && <BandTable d={d} missingJoint={missingJoint} />}
    </div>
  );
}
