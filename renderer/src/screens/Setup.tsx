// First run: the school, its register times and its term dates and closures for the academic year.
import { Fragment, useState } from 'react';
import { Button, Field, Input, Select, Title2, Text, Body1 } from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { SchoolSchema, type School } from '../../../shared/contract';
import { academicYearOf } from '../../../shared/dates';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { EMPTY_SCHOOL, SchoolFields, showFieldIssues } from '../components/SchoolFields';

interface RangeRow {
  dateFrom: string;
  dateTo: string;
  kind: 'term' | 'closure';
  label: string;
}

/** The usual shape of an English school year, as a starting point the office edits. */
export function typicalTerms(year: number): RangeRow[] {
  const y = year,
    n = year + 1;
  return [
    { dateFrom: `${y}-09-03`, dateTo: `${y}-10-23`, kind: 'term', label: 'Autumn 1' },
    { dateFrom: `${y}-11-02`, dateTo: `${y}-12-18`, kind: 'term', label: 'Autumn 2' },
    { dateFrom: `${n}-01-05`, dateTo: `${n}-02-12`, kind: 'term', label: 'Spring 1' },
    { dateFrom: `${n}-02-22`, dateTo: `${n}-03-26`, kind: 'term', label: 'Spring 2' },
    { dateFrom: `${n}-04-12`, dateTo: `${n}-05-21`, kind: 'term', label: 'Summer 1' },
    { dateFrom: `${n}-06-01`, dateTo: `${n}-07-21`, kind: 'term', label: 'Summer 2' },
  ];
}

/** What is wrong with a term or closure row, in the screen's words (dates are typed dd/mm/yyyy), or null. */
export function rangeProblem(r: RangeRow): string | null {
  if (!r.dateFrom) {
    return 'the first day is missing or not a date (dd/mm/yyyy)';
  }
  if (!r.dateTo) {
    return 'the last day is missing or not a date (dd/mm/yyyy)';
  }
  if (r.dateFrom > r.dateTo) {
    return 'the range ends before it starts';
  }
  return null;
}

export function RangeEditor({
  rows,
  onChange,
  showProblems = false,
}: {
  rows: RangeRow[];
  onChange: (rows: RangeRow[]) => void;
  showProblems?: boolean;
}) {
  const set = (i: number, patch: Partial<RangeRow>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div>
      <table className="plain" aria-label="Terms and closures">
        <thead>
          <tr>
            <th>Kind</th>
            <th>From</th>
            <th>To</th>
            <th>Label</th>
            <th>
              <span className="muted">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const problem = showProblems ? rangeProblem(r) : null;
            return (
              <Fragment key={i}>
                <tr>
                  <td>
                    <Select
                      aria-label={`Kind of range ${i + 1}`}
                      value={r.kind}
                      onChange={(_, d) => set(i, { kind: d.value as RangeRow['kind'] })}
                    >
                      <option value="term">Term</option>
                      <option value="closure">Closure (INSET, polling day)</option>
                    </Select>
                  </td>
                  <td>
                    <DateInput
                      aria-invalid={!!problem && !r.dateFrom}
                      aria-label={`From date of range ${i + 1}`}
                      value={r.dateFrom}
                      onChange={(_, d) => set(i, { dateFrom: d.value })}
                    />
                  </td>
                  <td>
                    <DateInput
                      aria-invalid={!!problem && !!r.dateFrom}
                      aria-label={`To date of range ${i + 1}`}
                      value={r.dateTo}
                      onChange={(_, d) => set(i, { dateTo: d.value })}
                    />
                  </td>
                  <td>
                    <Input
                      aria-label={`Label of range ${i + 1}`}
                      value={r.label}
                      onChange={(_, d) => set(i, { label: d.value })}
                    />
                  </td>
                  <td>
                    <Button
                      appearance="subtle"
                      aria-label={`Remove range ${i + 1}`}
                      onClick={() => onChange(rows.filter((_, k) => k !== i))}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
                {problem && (
                  <tr>
                    <td colSpan={5} className="row-problem">
                      Range {i + 1}: {problem}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 8 }}>
        <Button onClick={() => onChange([...rows, { dateFrom: '', dateTo: '', kind: 'term', label: '' }])}>
          Add term
        </Button>
        <Button
          onClick={() =>
            onChange([...rows, { dateFrom: '', dateTo: '', kind: 'closure', label: 'INSET day' }])
          }
        >
          Add closure
        </Button>
      </div>
    </div>
  );
}

export function Setup({ today }: { today: string }) {
  const qc = useQueryClient();
  const [year, setYear] = useState(academicYearOf(today));
  const [ranges, setRanges] = useState<RangeRow[]>(typicalTerms(academicYearOf(today)));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError: setFieldError,
    formState: { errors },
  } = useForm<School>({ resolver: zodResolver(SchoolSchema), defaultValues: EMPTY_SCHOOL });
  const submit = handleSubmit(
    async (school) => {
      setChecked(true);
      if (ranges.some((r) => rangeProblem(r))) {
        return;
      }
      setBusy(true);
      setError(null);
      try {
        await call('school.setup', {
          school,
          academicYear: year,
          ranges: ranges.map((r) => ({ ...r, label: r.label || null })),
        });
        await qc.invalidateQueries();
        window.location.hash = '#/';
      } catch (e) {
        setError(e);
        showFieldIssues(e, 'school.', setFieldError);
      } finally {
        setBusy(false);
      }
    },
    () => setChecked(true),
  );
  return (
    <main id="main" className="page" style={{ margin: '0 auto' }}>
      <Title2 as="h1">Set up your school</Title2>
      <Body1>
        These details go on letters and reports; register times decide when a late arrival is L or U. You can
        change them later in Settings.
      </Body1>
      <form onSubmit={submit} className="page" aria-label="School setup">
        <section className="card" aria-labelledby="s-school">
          <Text as="h2" id="s-school" weight="semibold" size={500}>
            School and registers
          </Text>
          <SchoolFields register={register} control={control} errors={errors} />
        </section>
        <section className="card" aria-labelledby="s-cal">
          <Text as="h2" id="s-cal" weight="semibold" size={500}>
            Academic year, terms and closures
          </Text>
          <Field label="Academic year starting in September of" style={{ maxWidth: 320 }}>
            <Select
              value={String(year)}
              onChange={(_, d) => {
                const y = Number(d.value);
                setYear(y);
                setRanges(typicalTerms(y));
              }}
            >
              {[-1, 0, 1]
                .map((k) => academicYearOf(today) + k)
                .map((y) => (
                  <option key={y} value={y}>
                    {y}/{String((y + 1) % 100).padStart(2, '0')}
                  </option>
                ))}
            </Select>
          </Field>
          <p className="muted">
            England and Wales bank holidays are already known to the app. Check these dates against your local
            authority's calendar.
          </p>
          <RangeEditor rows={ranges} onChange={setRanges} showProblems={checked} />
        </section>
        <ErrorBar error={error} title="The school could not be set up" />
        <div className="row">
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save and start'}
          </Button>
        </div>
      </form>
    </main>
  );
}
