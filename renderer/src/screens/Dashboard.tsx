// The attendance lead's dashboard: today at a glance, the year to date for all pupils and for the DfE cohort
// beside the national and local figures (each labelled with its period and source), the weekly trend, reasons
// for absence and cohort gaps. Every figure comes from the core (docs/rules/statistics.md); every chart has
// its table.
import { useMemo, useState } from 'react';
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { academicYearOf, academicYearRange, formatUkDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics';
import { cellText, SUPPRESSED_TEXT } from '../../../shared/breakdowns';
import { groupsAgainstRestOption, reasonsOption, weeklyTrendOption } from '../../../shared/charts';
import type { Output } from '../../../shared/contract';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { Chart, ChartTable, type ChartOption } from '../components/Chart';
import { useMe } from '../auth/AuthGate';
import { mayCall } from '../auth/access';
import { DashboardTarget } from './governors/TargetProgress';

type D = Output<'figures.dashboard'>;
type Ref = D['reference'][number];

const num = (n: number) => n.toLocaleString('en-GB');
const published = (v: number | null) => (v === null ? '–' : `${v}%`);

export function Dashboard({ today }: { today: string }) {
  const [from, setFrom] = useState(() => defaultFrom(today));
  const [to, setTo] = useState(today);
  const q = useRpc('figures.dashboard', { from, to }, { enabled: !!from && !!to && from <= to });
  const d = q.data;
  return (
    <div className="page">
      <Title2 as="h1">Attendance dashboard</Title2>
      <div className="row">
        <Field label="From">
          <DateInput value={from} onChange={(_, v) => v.value && setFrom(v.value)} />
        </Field>
        <Field label="To">
          <DateInput value={to} onChange={(_, v) => v.value && setTo(v.value)} />
        </Field>
        <Button
          onClick={() => {
            setFrom(defaultFrom(today));
            setTo(today);
          }}
        >
          School year to date
        </Button>
      </div>
      {q.isFetching && <ProgressBar aria-label="Working out the figures" />}
      <ErrorBar error={q.error} />
      {d && (
        <>
          <TodayStrip d={d} />
          <YearToDate d={d} />
          <DashboardTarget to={d.to} />
          <Weekly d={d} />
          <Reasons d={d} />
          <Cohorts d={d} />
          <ReferenceEditor rows={d.reference} />
        </>
      )}
    </div>
  );
}

/** 1 September of the school year `today` falls in. */
function defaultFrom(today: string): string {
  return academicYearRange(academicYearOf(today)).from;
}

function TodayStrip({ d }: { d: D }) {
  const t = d.todayStrip;
  return (
    <section className="card" aria-labelledby="h-today">
      <Text as="h2" id="h-today" weight="semibold" size={500}>
        Today, {formatUkDate(t.date)}
      </Text>
      {!t.isSchoolDay ? (
        <Text>Not a school day.</Text>
      ) : (
        <div className="strip-cards">
          <div>
            <div className="muted">Registers taken</div>
            <div className="big" data-testid="registers-taken">
              {t.registersTaken} of {t.registersDue}
            </div>
          </div>
          <div>
            <div className="muted">Registers not taken</div>
            <div className="big">{t.registersNotTaken}</div>
            {t.registersNotTaken > 0 && <Link href="#/not-taken">See which</Link>}
          </div>
          <div>
            <div className="muted">Sessions marked</div>
            <div className="big">
              {num(t.sessionsMarked)} of {num(t.sessionsExpected)}
            </div>
          </div>
          <div>
            <div className="muted">Unexplained absences (N)</div>
            <div className="big">{t.unexplainedPupils} pupils</div>
            <Link href="#/followup">Open the calling list</Link>
          </div>
        </div>
      )}
    </section>
  );
}

function YearToDate({ d }: { d: D }) {
  const school = (label: string, who: string, r: D['ytd']['all'], id: string) => (
    <tr key={id}>
      <th scope="row">{label}</th>
      <td className="wide-cell">
        {d.ytd.label}
        <br />
        <span className="muted">{who}</span>
      </td>
      <td className="num">{formatPct1(r.attendancePct)}</td>
      <td className="num">{formatPct1(r.absencePct)}</td>
      <td className="num">{formatPct1(r.authorisedPct)}</td>
      <td className="num">{formatPct1(r.unauthorisedPct)}</td>
      <td className="num" data-testid={`ytd-${id}-pa`}>
        {formatPct1(r.persistentPct)} ({r.persistentCount})
      </td>
      <td className="num" data-testid={`ytd-${id}-severe`}>
        {formatPct1(r.severePct)} ({r.severeCount})
      </td>
      <td className="num">{num(r.pupils)}</td>
      <td className="num" data-testid={`ytd-${id}-possible`}>
        {num(r.possible)}
      </td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby="h-ytd">
      <Text as="h2" id="h-ytd" weight="semibold" size={500}>
        Attendance and absence, {formatUkDate(d.from)} to {formatUkDate(d.to)}
      </Text>
      <Text block className="muted">
        This school's rates are aggregate ratios over the period (all sessions missed over all possible).
        National census figures count pupils aged 5 to 15 on 31 August before the school year, not boarders:
        compare them with the DfE-comparable cohort. Daily data and census are not comparable, and a term is
        not comparable with a full year.
      </Text>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Year to date figures, scrolls sideways"
      >
        <table className="plain fit" aria-label="Year to date against national and local figures">
          <thead>
            <tr>
              <th scope="col">Figures</th>
              <th scope="col">Period and source</th>
              <th scope="col" className="num">
                Attendance
              </th>
              <th scope="col" className="num">
                Overall absence
              </th>
              <th scope="col" className="num">
                Authorised
              </th>
              <th scope="col" className="num">
                Unauthorised
              </th>
              <th scope="col" className="num">
                Persistently absent (10%+)
              </th>
              <th scope="col" className="num">
                Severely absent (50%+)
              </th>
              <th scope="col" className="num">
                Pupils
              </th>
              <th scope="col" className="num">
                Possible sessions
              </th>
            </tr>
          </thead>
          <tbody>
            {school('All pupils on roll', "This school's registers", d.ytd.all, 'all')}
            {school(
              'DfE-comparable cohort',
              "This school's registers: pupils aged 5 to 15, not boarders",
              d.ytd.dfeCohort,
              'cohort',
            )}
            {d.reference.map((r) => (
              <tr key={r.key} className="reference-row">
                <th scope="row">
                  {r.area}
                  {r.dataKind === 'local' ? ' (local)' : ''}
                </th>
                <td className="wide-cell">
                  {r.period}
                  <br />
                  <span className="muted">Source: {r.source}</span>
                </td>
                <td className="num">
                  {r.overall === null ? '–' : `${Math.round((100 - r.overall) * 100) / 100}%`}
                </td>
                <td className="num">{published(r.overall)}</td>
                <td className="num">{published(r.authorised)}</td>
                <td className="num">{published(r.unauthorised)}</td>
                <td className="num">{published(r.persistent)}</td>
                <td className="num">{published(r.severe)}</td>
                <td className="num">–</td>
                <td className="num">–</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Weekly({ d }: { d: D }) {
  const option = useMemo(() => weeklyTrendOption(d.weekly) as ChartOption, [d.weekly]);
  return (
    <section className="card" aria-labelledby="h-weekly">
      <Text as="h2" id="h-weekly" weight="semibold" size={500}>
        Weekly trend
      </Text>
      <Chart
        option={option}
        label={
          'Line chart: attendance each school week and the persistent-absence rate to the end of each ' +
          `week, ${d.weekly.length} weeks. The table below has the numbers.`
        }
      />
      <ChartTable caption="Weekly trend">
        <thead>
          <tr>
            <th>Week beginning</th>
            <th className="num">Possible sessions</th>
            <th className="num">Attended</th>
            <th className="num">Attendance</th>
            <th className="num">Persistently absent, year to date</th>
          </tr>
        </thead>
        <tbody>
          {d.weekly.map((w) => (
            <tr key={w.weekStart}>
              <td>{formatUkDate(w.weekStart)}</td>
              <td className="num">{num(w.possible)}</td>
              <td className="num">{num(w.attended)}</td>
              <td className="num">{formatPct1(w.attendancePct)}</td>
              <td className="num">
                {formatPct1(w.persistentPct)} ({w.persistentCount} of {w.pupils})
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td className="num" data-testid="weekly-possible-total">
              {num(d.weekly.reduce((s, w) => s + w.possible, 0))}
            </td>
            <td className="num">{num(d.weekly.reduce((s, w) => s + w.attended, 0))}</td>
            <td className="num">{formatPct1(d.ytd.all.attendancePct)}</td>
            <td className="num">{formatPct1(d.ytd.all.persistentPct)}</td>
          </tr>
        </tfoot>
      </ChartTable>
    </section>
  );
}

function Reasons({ d }: { d: D }) {
  const option = useMemo(() => reasonsOption(d.reasons) as ChartOption, [d.reasons]);
  const total = d.reasons.reduce((s, r) => s + r.sessions, 0);
  return (
    <section className="card" aria-labelledby="h-reasons">
      <Text as="h2" id="h-reasons" weight="semibold" size={500}>
        Reasons for absence
      </Text>
      <Text block className="muted">
        Sessions of absence by code (blue authorised, red unauthorised). Lateness:{' '}
        {num(d.lateness.lateBeforeClose)} late before the register closed (L),{' '}
        {num(d.lateness.lateAfterClose)} after (U), {num(d.lateness.minutesLate)} minutes in all.
      </Text>
      <Chart
        option={option}
        height={Math.max(160, 26 * d.reasons.length + 48)}
        label={
          'Bar chart: sessions of absence by code; the largest is ' +
          `${d.reasons[0] ? `${d.reasons[0].code} (${d.reasons[0].label}), ${d.reasons[0].sessions} sessions` : 'none'}. ` +
          'The table below has the numbers.'
        }
      />
      <ChartTable caption="Reasons for absence">
        <thead>
          <tr>
            <th>Code</th>
            <th>Reason</th>
            <th>Kind</th>
            <th className="num">Sessions</th>
          </tr>
        </thead>
        <tbody>
          {d.reasons.map((r) => (
            <tr key={r.code + r.label}>
              <td>{r.code}</td>
              <td>{r.label}</td>
              <td>{r.category}</td>
              <td className="num">{num(r.sessions)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>
              Total (authorised {num(d.reasonTotals.authorised)} + unauthorised{' '}
              {num(d.reasonTotals.unauthorised)})
            </td>
            <td className="num" data-testid="reasons-total">
              {num(total)}
            </td>
          </tr>
        </tfoot>
      </ChartTable>
    </section>
  );
}

function Cohorts({ d }: { d: D }) {
  const [dim, setDim] = useState<D['cohorts'][number]['dimension']>('fsm');
  const shown = d.cohorts.filter((c) => c.dimension !== 'regGroup' || dim === 'regGroup');
  const chartRows = d.cohorts.filter((c) => c.dimension === dim).flatMap((c) => c.rows);
  const option = useMemo(() => groupsAgainstRestOption(chartRows) as ChartOption, [chartRows]);
  const c = (x: D['cohorts'][number]['rows'][number]['group'], f: 'absencePct' | 'persistentPct') =>
    cellText(x, formatPct1, f);
  const gap = (v: number | null) =>
    v === null ? '–' : `${v > 0 ? '+' : ''}${(Math.round(v * 10) / 10).toFixed(1)}\u00a0pts`;
  return (
    <section className="card" aria-labelledby="h-cohorts">
      <Text as="h2" id="h-cohorts" weight="semibold" size={500}>
        Cohort gaps
      </Text>
      <Text block className="muted">
        Each group against the rest of the school. Any cell about fewer than 5 pupils shows "fewer than 5",
        with a second cell hidden where a total would reveal it.
      </Text>
      <Field label="Chart the group" style={{ maxWidth: 320 }}>
        <Select value={dim} onChange={(_, v) => setDim(v.value as typeof dim)}>
          {d.cohorts.map((x) => (
            <option key={x.dimension} value={x.dimension}>
              {x.label}
            </option>
          ))}
        </Select>
      </Field>
      <Chart
        option={option}
        label={
          'Bar chart: overall absence of each ' +
          `${d.cohorts.find((x) => x.dimension === dim)?.label.toLowerCase()} group beside the rest of ` +
          'the school; suppressed groups have no bar. The table below has the numbers.'
        }
      />
      <ChartTable caption="Cohort gaps">
        <thead>
          <tr>
            <th>Cohort</th>
            <th>Group</th>
            <th className="num">Pupils</th>
            <th className="num">Absence</th>
            <th className="num">Rest: absence</th>
            <th className="num">Gap</th>
            <th className="num">Persistently absent</th>
            <th className="num">Rest: persistently absent</th>
            <th className="num">Gap</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap((x) =>
            x.rows.map((r) => (
              <tr key={x.dimension + r.label}>
                <td>{x.label}</td>
                <td>{r.label}</td>
                <td className="num">{r.group.suppressed ? SUPPRESSED_TEXT : r.group.pupils}</td>
                <td className="num">{c(r.group, 'absencePct')}</td>
                <td className="num">{c(r.rest, 'absencePct')}</td>
                <td className="num">{gap(r.absenceGap)}</td>
                <td className="num">{c(r.group, 'persistentPct')}</td>
                <td className="num">{c(r.rest, 'persistentPct')}</td>
                <td className="num">{gap(r.persistentGap)}</td>
              </tr>
            )),
          )}
        </tbody>
      </ChartTable>
    </section>
  );
}

const FIELDS = [
  ['overall', 'Overall'],
  ['authorised', 'Authorised'],
  ['unauthorised', 'Unauthorised'],
  ['persistent', 'Persistent'],
  ['severe', 'Severe'],
  ['primary', 'Primary'],
  ['secondary', 'Secondary'],
  ['special', 'Special'],
] as const;
type Draft = {
  schoolId?: number;
  shippedId?: string;
  period: string;
  area: string;
  dataKind: 'census' | 'daily' | 'local';
  source: string;
  values: Record<(typeof FIELDS)[number][0], string>;
};
const blank = (): Draft => ({
  period: '',
  area: '',
  dataKind: 'local',
  source: '',
  values: Object.fromEntries(FIELDS.map(([k]) => [k, ''])) as Draft['values'],
});

/** The comparison figures: the national table shipped with the app and the school's own rows; lead, head or admin edit. */
function ReferenceEditor({ rows }: { rows: Ref[] }) {
  const save = useRpcMutation('figures.national.save', ['figures.dashboard', 'figures.national.list']);
  const mayEdit = mayCall(useMe(), 'figures.national.save');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The figures themselves are in the year-to-date table; this editor opens on request (docs/ux.md, layout).
  const [open, setOpen] = useState(false);
  const edit = (r: Ref) =>
    setDraft({
      schoolId: r.schoolId ?? undefined,
      shippedId: r.schoolId === null ? (r.shippedId ?? undefined) : undefined,
      period: r.period,
      area: r.area,
      dataKind: r.dataKind,
      source: r.source,
      values: Object.fromEntries(
        FIELDS.map(([k]) => [k, r[k] === null ? '' : String(r[k])]),
      ) as Draft['values'],
    });
  const submit = (hidden = false) => {
    if (!draft) {
      return;
    }
    const values = Object.fromEntries(
      FIELDS.map(([k]) => [k, draft.values[k].trim() === '' ? null : Number(draft.values[k])]),
    );
    save.mutate(
      {
        ...(draft.schoolId !== undefined ? { schoolId: draft.schoolId } : {}),
        ...(draft.shippedId ? { shippedId: draft.shippedId } : {}),
        period: draft.period,
        area: draft.area,
        dataKind: draft.dataKind,
        source: draft.source,
        hidden,
        ...values,
      } as never,
      {
        onSuccess: () => {
          setDone(hidden ? 'Row hidden.' : 'Figures saved.');
          setDraft(null);
        },
      },
    );
  };
  if (!mayEdit) {
    return null;
  }
  if (!open) {
    return (
      <div className="row">
        <Button onClick={() => setOpen(true)}>Change the comparison figures</Button>
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="h-ref">
      <Text as="h2" id="h-ref" weight="semibold" size={500}>
        Comparison figures
      </Text>
      <Text block className="muted">
        National figures ship with the app from the DfE's published statistics; add your local authority's
        figures or a newer release, or correct a row. Percentages as published.
      </Text>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Comparison figures, scrolls sideways"
      >
        <table className="plain" aria-label="Comparison figures">
          <thead>
            <tr>
              <th>Area</th>
              <th>Period and data</th>
              {FIELDS.map(([, l]) => (
                <th key={l} className="num">
                  {l}
                </th>
              ))}
              <th>Source</th>
              {mayEdit && (
                <th>
                  <span className="visually-hidden">Change</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.area}</td>
                <td className="wide-cell">
                  {r.period}
                  {r.origin !== 'shipped' && (
                    <span className="muted">
                      {' '}
                      ({r.origin === 'edited' ? 'edited by the school' : 'added by the school'})
                    </span>
                  )}
                </td>
                {FIELDS.map(([k]) => (
                  <td key={k} className="num">
                    {published(r[k])}
                  </td>
                ))}
                <td className="wide-cell">{r.source}</td>
                {mayEdit && (
                  <td>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`Edit ${r.area} ${r.period}`}
                      onClick={() => edit(r)}
                    >
                      Edit
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={save.error} />
      {!mayEdit ? null : !draft ? (
        <div className="row" style={{ marginTop: 8 }}>
          <Button
            onClick={() => {
              setDone(null);
              setDraft(blank());
            }}
          >
            Add figures
          </Button>
        </div>
      ) : (
        <div className="card" style={{ marginTop: 8 }}>
          <div className="row">
            <Field label="Area" required>
              <Input value={draft.area} onChange={(_, v) => setDraft({ ...draft, area: v.value })} />
            </Field>
            <Field label="Period and data" required>
              <Input
                value={draft.period}
                onChange={(_, v) => setDraft({ ...draft, period: v.value })}
                style={{ minWidth: 280 }}
              />
            </Field>
            <Field label="Kind">
              <Select
                value={draft.dataKind}
                onChange={(_, v) => setDraft({ ...draft, dataKind: v.value as Draft['dataKind'] })}
              >
                <option value="census">Census</option>
                <option value="daily">Daily data</option>
                <option value="local">Local</option>
              </Select>
            </Field>
          </div>
          <div className="row">
            {FIELDS.map(([k, l]) => (
              <Field key={k} label={`${l} %`}>
                <Input
                  value={draft.values[k]}
                  inputMode="decimal"
                  style={{ width: '6em' }}
                  onChange={(_, v) => setDraft({ ...draft, values: { ...draft.values, [k]: v.value } })}
                />
              </Field>
            ))}
          </div>
          <div className="row">
            <Field label="Source" required>
              <Input
                value={draft.source}
                onChange={(_, v) => setDraft({ ...draft, source: v.value })}
                style={{ minWidth: 360 }}
              />
            </Field>
            <Button appearance="primary" disabled={save.isPending} onClick={() => submit(false)}>
              Save figures
            </Button>
            {(draft.schoolId !== undefined || draft.shippedId) && (
              <Button onClick={() => submit(true)}>Hide this row</Button>
            )}
            <Button appearance="subtle" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
