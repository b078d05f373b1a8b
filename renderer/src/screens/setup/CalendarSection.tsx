// The first run's calendar section: the academic year (last, this or next) and its terms and closures.
import { Field, Select, Text } from '@fluentui/react-components';
import { academicYearOf } from '../../../../shared/dates';
import { RangeEditor } from './RangeEditor';
import type { RangeRow } from './ranges';

export function CalendarSection({
  today,
  year,
  onYear,
  ranges,
  onRanges,
  showProblems,
}: {
  today: string;
  year: number;
  onYear: (y: number) => void;
  ranges: RangeRow[];
  onRanges: (rows: RangeRow[]) => void;
  showProblems: boolean;
}) {
  return (
    <section className="card" aria-labelledby="s-cal">
      <Text as="h2" id="s-cal" weight="semibold" size={500}>
        Academic year, terms and closures
      </Text>
      <Field label="Academic year starting in September of" style={{ maxWidth: 320 }}>
        <Select value={String(year)} onChange={(_, d) => onYear(Number(d.value))}>
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
      <RangeEditor rows={ranges} onChange={onRanges} showProblems={showProblems} />
    </section>
  );
}
