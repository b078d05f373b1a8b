// Settings: the school's details and register times.
import { useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SchoolSchema, type School } from '../../../shared/contract';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { SchoolFields, showFieldIssues } from '../components/SchoolFields';
import { LettersSettings } from '../components/LettersSettings';

function SettingsForm({ school }: { school: School }) {
  const save = useRpcMutation('school.update', ['school.get']);
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<School>({ resolver: zodResolver(SchoolSchema), defaultValues: school });
  return (
    <form
      className="page"
      aria-label="Settings"
      onSubmit={handleSubmit(async (s) => {
        setSaved(false);
        try {
          await save.mutateAsync(s);
          setSaved(true);
        } catch (e) {
          showFieldIssues(e, '', setError);
        }
      })}
    >
      <section className="card">
        <SchoolFields register={register} control={control} errors={errors} />
      </section>
      <ErrorBar error={save.error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Settings saved.</MessageBarBody>
        </MessageBar>
      )}
      <div className="row">
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}

export function Settings() {
  const q = useRpc('school.get', {});
  return (
    <div className="page">
      <Title2 as="h1">Settings</Title2>
      <ErrorBar error={q.error} />
      <Text>
        Term dates, closures and bank holidays: <Link href="#/calendar">open the school year</Link>.
      </Text>
      {q.data && <SettingsForm school={q.data} />}
      {q.data && <LettersSettings />}
    </div>
  );
}
