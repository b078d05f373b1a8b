// The backup settings form: the folder backups go to, how often, and how many of each kind are kept.
import { Button, Field, Input } from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { BackupSettingsSchema, type BackupSettings } from '../../../../shared/channels/backups';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

const NUMBERS: [keyof BackupSettings, string][] = [
  ['everyHours', 'Back up every (hours)'],
  ['keepDaily', 'Daily backups kept'],
  ['keepWeekly', 'Weekly backups kept'],
  ['keepMonthly', 'Monthly backups kept'],
  ['keepYearly', 'Yearly backups kept'],
];

export function SettingsForm({ settings }: { settings: BackupSettings }) {
  const save = useRpcMutation('backups.configure', ['backups.status']);
  const { register, handleSubmit, formState } = useForm<BackupSettings>({
    resolver: zodResolver(BackupSettingsSchema),
    defaultValues: settings,
  });
  return (
    <form
      aria-label="Backup settings"
      onSubmit={handleSubmit((s) => save.mutateAsync({ ...s, folder: s.folder?.trim() ? s.folder : null }))}
    >
      <Field label="Backup folder (empty: the backups folder beside the database)">
        <Input
          defaultValue={settings.folder ?? ''}
          {...register('folder', { setValueAs: (v: string) => (v ? v : null) })}
        />
      </Field>
      {NUMBERS.map(([name, label]) => (
        <Field key={name} label={label} validationMessage={formState.errors[name]?.message}>
          <Input
            type="number"
            defaultValue={String(settings[name])}
            {...register(name, { valueAsNumber: true })}
          />
        </Field>
      ))}
      <ErrorBar error={save.error} />
      <Button type="submit" appearance="primary" disabled={save.isPending} style={{ marginTop: 8 }}>
        Save backup settings
      </Button>
    </form>
  );
}
