// The attendance lead's dashboard: today at a glance, the year to date for all pupils and for the DfE cohort
// beside the national and local figures (each labelled with its period and source), the weekly trend, reasons
// for absence and cohort gaps. Every figure comes from the core (docs/rules/statistics.md); every chart has
// its table. The parts are beside this file.
import { useState } from 'react';
import { Button, Field, Link, ProgressBar, Text, Title2 } from '@fluentui/react-components';
import { academicYearOf, academicYearRange, formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { DashboardTarget } from '../governors/TargetProgress';
import { num, type D } from './common';
import { YearToDate } from './YearToDate';
import { Weekly, Reasons, Cohorts } from './Charts';
import { ReferenceEditor } from './ReferenceEditor';

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
