// The year to date for all pupils and for the DfE cohort, beside the national and local figures, each labelled
// with its period and source.
import { Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { num, published, type D, type Ref } from './common';

export function YearToDate({ d }: { d: D }) {
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
          <YearToDateHead />
          <tbody>
            <SchoolRow
              label="All pupils on roll"
              period={d.ytd.label}
              who="This school's registers"
              r={d.ytd.all}
              id="all"
            />
            <SchoolRow
              label="DfE-comparable cohort"
              period={d.ytd.label}
              who="This school's registers: pupils aged 5 to 15, not boarders"
              r={d.ytd.dfeCohort}
              id="cohort"
            />
            {d.reference.map((r) => (
              <ReferenceRow key={r.key} r={r} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function YearToDateHead() {
  return (
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
  );
}

/** The school's own figures for a group of pupils (`id` names its test ids). */
function SchoolRow(p: { label: string; period: string; who: string; r: D['ytd']['all']; id: string }) {
  const { r, id } = p;
  return (
    <tr>
      <th scope="row">{p.label}</th>
      <td className="wide-cell">
        {p.period}
        <br />
        <span className="muted">{p.who}</span>
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
}

/** A national or local comparison row, as published (attendance is 100 less the overall absence). */
function ReferenceRow({ r }: { r: Ref }) {
  return (
    <tr className="reference-row">
      <th scope="row">
        {r.area}
        {r.dataKind === 'local' ? ' (local)' : ''}
      </th>
      <td className="wide-cell">
        {r.period}
        <br />
        <span className="muted">Source: {r.source}</span>
      </td>
      <td className="num">{r.overall === null ? '–' : `${Math.round((100 - r.overall) * 100) / 100}%`}</td>
      <td className="num">{published(r.overall)}</td>
      <td className="num">{published(r.authorised)}</td>
      <td className="num">{published(r.unauthorised)}</td>
      <td className="num">{published(r.persistent)}</td>
      <td className="num">{published(r.severe)}</td>
      <td className="num">–</td>
      <td className="num">–</td>
    </tr>
  );
}
