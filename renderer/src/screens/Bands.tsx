// Pupils by band (docs/rules/statistics.md §4) with movement since an earlier date (into and out of
// persistent and severe absence), filtered by cohort; each row opens the pupil. Bands come from the core,
// never from rounded figures.
import { useState } from 'react';
import { Badge, Button, Field, ProgressBar, Select, Text, Title2 } from '@fluentui/react-components';
import { academicYearOf, academicYearRange, addDays, formatUkDate } from '../../../shared/dates';
import { YEAR_GROUPS } from '../../../shared/pupil';
import { formatPct1 } from '../../../shared/statistics';
import type { Input, Output } from '../../../shared/contract';
import { useRpc } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { downloadText } from '../download';
import { BAND_LABELS } from '../../../shared/bands';

const MOVEMENT: Record<string, string> = {
  entered_severe: 'Into severe',
  entered_persistent: 'Into persistent',
  left_severe: 'Out of severe',
  left_persistent: 'Out of persistent',
  new: 'New since then',
};
type Filters = Omit<Input<'figures.bands'>, 'from' | 'to'>;

export function Bands({ today }: { today: string }) {
  const defaultFrom = (d: string) => academicYearRange(academicYearOf(d)).from; // 1 September of this school year
  const [from, setFrom] = useState(() => defaultFrom(today));
  const [to, setTo] = useState(today);
  const [since, setSince] = useState(() => {
    const s = addDays(today, -28);
    return s < defaultFrom(today) ? defaultFrom(today) : s;
  });
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
  const set = <K extends keyof Filters>(k: K, v: string) => setF({ ...f, [k]: v === '' ? undefined : v });
  const showStage = !!d?.rows.some((r) => r.ladderStage !== null);
  return (
    <div className="page">
      <Title2 as="h1">Pupils by band</Title2>
      <div className="row">
        <Field label="From">
          <DateInput value={from} onChange={(_, v) => v.value && setFrom(v.value)} />
        </Field>
        <Field label="To">
          <DateInput value={to} onChange={(_, v) => v.value && setTo(v.value)} />
        </Field>
        <Field label="Movement since">
          <DateInput value={since} onChange={(_, v) => setSince(v.value)} />
        </Field>
        <Field label="Band">
          <Select value={f.band ?? ''} onChange={(_, v) => set('band', v.value)}>
            <option value="">All bands</option>
            <option value="pa">Persistently absent (incl. severe)</option>
            <option value="severe">Severely absent</option>
            <option value="persistent">Persistently absent (10–50%)</option>
            <option value="at_risk">At risk</option>
            <option value="expected">Expected</option>
          </Select>
        </Field>
        <Field label="Year group">
          <Select value={f.yearGroup ?? ''} onChange={(_, v) => set('yearGroup', v.value)}>
            <option value="">All</option>
            {YEAR_GROUPS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Registration group">
          <Select value={f.regGroup ?? ''} onChange={(_, v) => set('regGroup', v.value)}>
            <option value="">All</option>
            {d?.regGroups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Sex">
          <Select value={f.sex ?? ''} onChange={(_, v) => set('sex', v.value)}>
            <option value="">All</option>
            <option value="F">Girls</option>
            <option value="M">Boys</option>
          </Select>
        </Field>
        <Field label="Group">
          <Select value={f.flag ?? ''} onChange={(_, v) => set('flag', v.value)}>
            <option value="">All pupils</option>
            <option value="fsm">Free school meals</option>
            <option value="senSupport">SEN support</option>
            <option value="ehcPlan">EHC plan</option>
            <option value="lookedAfter">Looked after</option>
            <option value="socialWorker">Social worker</option>
            <option value="eal">EAL</option>
          </Select>
        </Field>
        <Button onClick={() => void exportCsv()} disabled={!d}>
          Export CSV
        </Button>
      </div>
      {q.isFetching && <ProgressBar aria-label="Working out the bands" />}
      <ErrorBar error={q.error ?? err} />
      {d && <Summary d={d} />}
      {d && (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Pupils by band, scrolls sideways"
        >
          <table className="plain" aria-label="Pupils by band">
            <thead>
              <tr>
                <th>Pupil</th>
                <th>Year</th>
                <th>Group</th>
                <th className="num">Attendance</th>
                <th className="num">Absence</th>
                <th className="num">Possible</th>
                <th>Band</th>
                <th>Band on {formatUkDate(d.since)}</th>
                <th>Movement</th>
                {showStage && <th>Letters so far, next step</th>}
              </tr>
            </thead>
            <tbody>
              {d.rows.length === 0 && (
                <tr>
                  <td colSpan={showStage ? 10 : 9} className="muted">
                    No pupils match these filters.
                  </td>
                </tr>
              )}
              {d.rows.map((r) => (
                <tr key={r.pupilId}>
                  <td>
                    <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>
                  </td>
                  <td>{r.yearGroup}</td>
                  <td>{r.regGroup}</td>
                  <td className="num">{formatPct1(r.figures.attendancePct)}</td>
                  <td className="num">{formatPct1(r.figures.absencePct)}</td>
                  <td className="num">{r.figures.possible}</td>
                  <td>
                    {r.band ? (
                      <>
                        <Badge appearance="tint" color={BAND_LABELS[r.band].color}>
                          {BAND_LABELS[r.band].label}
                        </Badge>
                        {missingJoint.has(r.pupilId) && (
                          <Badge appearance="outline" color="danger">
                            no LA joint approach
                          </Badge>
                        )}
                      </>
                    ) : (
                      <span className="muted">no sessions</span>
                    )}
                  </td>
                  <td>{r.bandAtSince ? BAND_LABELS[r.bandAtSince].label : '–'}</td>
                  <td>{r.movement ? MOVEMENT[r.movement] : ''}</td>
                  {showStage && (
                    <td>
                      {r.ladderStage ? (
                        <>
                          {r.ladderStage.label}
                          {r.ladderStage.nextStep && (
                            <>
                              <br />
                              <span className="muted">Next: {r.ladderStage.nextStep}</span>
                            </>
                          )}
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Summary({ d }: { d: Output<'figures.bands'> }) {
  const c = d.counts;
  return (
    <section className="card" aria-labelledby="h-sum">
      <Text as="h2" id="h-sum" weight="semibold" size={500}>
        {d.rows.length} pupils, {formatUkDate(d.from)} to {formatUkDate(d.to)}
      </Text>
      <table className="plain" aria-label="Pupils in each band" style={{ maxWidth: 720 }}>
        <thead>
          <tr>
            <th>Severely absent</th>
            <th>Persistently absent (10–50%)</th>
            <th>Persistently absent, all</th>
            <th>At risk</th>
            <th>Expected</th>
            <th>No sessions</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-testid="count-severe">{c.severe}</td>
            <td>{c.persistent}</td>
            <td data-testid="count-pa">{c.severe + c.persistent}</td>
            <td>{c.at_risk}</td>
            <td>{c.expected}</td>
            <td>{c.none}</td>
          </tr>
        </tbody>
      </table>
      {d.since && (
        <Text block>
          Since {formatUkDate(d.since)}: {d.movement.enteredPersistent} into and {d.movement.leftPersistent}{' '}
          out of persistent absence; {d.movement.enteredSevere} into and {d.movement.leftSevere} out of severe
          absence.
        </Text>
      )}
    </section>
  );
}
