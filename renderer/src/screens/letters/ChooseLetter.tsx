// Step 1 of the letters screen: the letter, the year group, the band and the period whose figures the letters
// quote, with what the chosen letter is and does.
import { Field, Link, Select, Text } from '@fluentui/react-components';
import { YEAR_GROUPS } from '../../../../shared/pupil';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import type { Band, Template } from './common';
import { BANDS } from './common';

interface Props {
  templates: Template[] | undefined;
  template: string;
  setTemplate: (name: string) => void;
  yearGroup: string;
  setYearGroup: (y: string) => void;
  band: Band;
  setBand: (b: Band) => void;
  from: string;
  setFrom: (d: string) => void;
  to: string;
  setTo: (d: string) => void;
  onePupil: number | null;
  spec: Template | undefined;
  error: unknown;
}

/** The letters a batch can be (not those made from an agreement's record), the school's versions marked. */
function LetterField({
  templates,
  template,
  setTemplate,
}: Pick<Props, 'templates' | 'template' | 'setTemplate'>) {
  return (
    <Field label="Letter">
      <Select value={template} onChange={(_, d) => setTemplate(d.value)}>
        {templates
          ?.filter((t) => !t.madeFrom)
          .map((t) => (
            <option key={t.name} value={t.name}>
              {t.title}
              {t.source === 'school' ? ' (school version)' : ''}
            </option>
          ))}
      </Select>
    </Field>
  );
}

/** What the chosen letter is and does. */
function LetterSummary({ spec }: { spec: Template }) {
  return (
    <p className="muted">
      {spec.summary}
      {spec.legal ? ' It carries legal-action wording.' : ''}
      {spec.legalWeight ? ' It has legal weight: the headteacher or the attendance lead approves it.' : ''}
      {spec.siblings ? ' Brothers and sisters in one household share one letter.' : ''}
      {spec.addressing === 'each_parent' ? ' It goes to each parent by name.' : ''}
    </p>
  );
}

export function ChooseLetter(props: Props) {
  const { templates, template, setTemplate, yearGroup, setYearGroup, band, setBand } = props;
  const { from, setFrom, to, setTo, onePupil, spec, error } = props;
  return (
    <section className="card" aria-labelledby="h-choose">
      <Text as="h2" id="h-choose" weight="semibold" size={500}>
        1. The letter and the pupils
      </Text>
      <div className="row">
        <LetterField templates={templates} template={template} setTemplate={setTemplate} />
        <Field label="Year group">
          <Select value={yearGroup} onChange={(_, d) => setYearGroup(d.value)}>
            <option value="">All years</option>
            {YEAR_GROUPS.map((y) => (
              <option key={y} value={y}>
                Year {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Pupils">
          <Select value={band} onChange={(_, d) => setBand(d.value as Band)}>
            {BANDS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Figures from">
          <DateInput value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label="Figures to">
          <DateInput value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
      </div>
      {onePupil && (
        <Text>
          For one pupil only. <Link href="#/letters">Choose pupils by year and band instead</Link>.
        </Text>
      )}
      {spec && <LetterSummary spec={spec} />}
      <ErrorBar error={error} />
    </section>
  );
}
