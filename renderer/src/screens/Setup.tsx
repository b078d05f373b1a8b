// First run: the school, its register times and its term dates and closures for the academic year. The form's state
// and call, the calendar section and the terms editor are in setup/.
import { Button, Title2, Text, Body1 } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { SchoolFields } from '../components/SchoolFields';
import { useSetup } from './setup/useSetup';
import { CalendarSection } from './setup/CalendarSection';

export { typicalTerms, rangeProblem } from './setup/ranges';
export { RangeEditor } from './setup/RangeEditor';

export function Setup({ today }: { today: string }) {
  const s = useSetup(today);
  return (
    <main id="main" className="page" style={{ margin: '0 auto' }}>
      <Title2 as="h1">Set up your school</Title2>
      <Body1>
        These details go on letters and reports; register times decide when a late arrival is L or U. You can
        change them later in Settings.
      </Body1>
      <form onSubmit={s.submit} className="page" aria-label="School setup">
        <section className="card" aria-labelledby="s-school">
          <Text as="h2" id="s-school" weight="semibold" size={500}>
            School and registers
          </Text>
          <SchoolFields register={s.register} control={s.control} errors={s.errors} />
        </section>
        <CalendarSection
          today={today}
          year={s.year}
          onYear={s.chooseYear}
          ranges={s.ranges}
          onRanges={s.setRanges}
          showProblems={s.checked}
        />
        <ErrorBar error={s.error} title="The school could not be set up" />
        <div className="row">
          <Button appearance="primary" type="submit" disabled={s.busy}>
            {s.busy ? 'Saving…' : 'Save and start'}
          </Button>
        </div>
      </form>
    </main>
  );
}
