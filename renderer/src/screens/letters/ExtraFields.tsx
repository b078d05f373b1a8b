// Step 3 of the letters screen, for a letter that needs more than the records hold (a meeting's date and time,
// a name): one field each, a date, a longer text or a line.
import type { Dispatch, SetStateAction } from 'react';
import { Field, Input, Text, Textarea } from '@fluentui/react-components';
import { DateInput } from '../../components/DateInput';
import type { Template } from './common';

interface Props {
  fields: Template['extra'];
  extra: Record<string, string>;
  setExtra: Dispatch<SetStateAction<Record<string, string>>>;
}

export function ExtraFields({ fields, extra, setExtra }: Props) {
  return (
    <section className="card" aria-labelledby="h-extra">
      <Text as="h2" id="h-extra" weight="semibold" size={500}>
        3. What this letter needs
      </Text>
      <div className="grid2">
        {fields.map((e) => (
          <Field
            key={e.key}
            label={e.label}
            hint={e.computed ? 'Filled in from the records when left empty' : undefined}
          >
            {e.kind === 'date' ? (
              <DateInput
                value={extra[e.key] ?? ''}
                onChange={(_, d) => setExtra({ ...extra, [e.key]: d.value })}
              />
            ) : e.kind === 'multiline' ? (
              <Textarea
                value={extra[e.key] ?? ''}
                onChange={(_, d) => setExtra({ ...extra, [e.key]: d.value })}
              />
            ) : (
              <Input
                value={extra[e.key] ?? ''}
                placeholder={e.kind === 'time' ? 'HH:MM' : undefined}
                onChange={(_, d) => setExtra({ ...extra, [e.key]: d.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </section>
  );
}
