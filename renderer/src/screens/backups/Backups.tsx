// The administrator's backups page (docs/data-safety.md): where backups go and how often, the list with each
// backup's date, size and check, a backup now, and restore (the current file is kept aside first).
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  BACKUP_KIND_LABELS,
  BackupSettingsSchema,
  type BackupEntry,
  type BackupSettings,
} from '../../../../shared/channels/backups';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

const NUMBERS: [keyof BackupSettings, string][] = [
  ['everyHours', 'Back up every (hours)'],
  ['keepDaily', 'Daily backups kept'],
  ['keepWeekly', 'Weekly backups kept'],
  ['keepMonthly', 'Monthly backups kept'],
  ['keepYearly', 'Yearly backups kept'],
];

function SettingsForm({ settings }: { settings: BackupSettings }) {
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

function RestoreDialog({ backup, onClose }: { backup: BackupEntry; onClose: () => void }) {
  const restore = useRpcMutation('backups.restore', ['backups.status', 'backups.health']);
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Restore the backup of {formatUkDate(backup.takenAt.slice(0, 10))}?</DialogTitle>
          <DialogContent>
            Everything entered since {backup.takenAt.slice(11, 16)} on that day will no longer be in the app.
            The current database is kept aside first, so nothing is destroyed.
            {restore.data && (
              <MessageBar intent="success">
                <MessageBarBody>
                  Restored. The previous file was kept as {restore.data.keptAside}.
                </MessageBarBody>
              </MessageBar>
            )}
            {restore.isPending && (
              <Spinner
                size="tiny"
                labelPosition="after"
                label="Checking the backup and putting it in place…"
                role="status"
              />
            )}
            <ErrorBar error={restore.error} />
          </DialogContent>
          <DialogActions>
            {!restore.data && (
              <Button
                appearance="primary"
                disabled={restore.isPending}
                onClick={() => restore.mutate({ file: backup.file })}
              >
                Restore this backup
              </Button>
            )}
            <Button onClick={onClose}>{restore.data ? 'Close' : 'Cancel'}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function Backups() {
  const status = useRpc('backups.status', {});
  const run = useRpcMutation('backups.run', ['backups.status']);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  if (!status.data) {
    return <ErrorBar error={status.error} />;
  }
  const s = status.data;
  return (
    <div className="page">
      <Title2 as="h1">Backups</Title2>
      {!s.health.ok && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{s.health.message}</MessageBarBody>
        </MessageBar>
      )}
      <section className="card" aria-labelledby="where">
        <Text as="h2" id="where" weight="semibold" size={500}>
          Where and how often
        </Text>
        <p>Backups go to {s.folder}.</p>
        {s.sameDiskAsDatabase && (
          <MessageBar intent="warning">
            <MessageBarBody>
              This folder is on the same disk as the database: if that disk fails, the backups go with it.
              Choose a folder on another disk or a removable drive.
            </MessageBarBody>
          </MessageBar>
        )}
        <SettingsForm settings={s.settings} />
      </section>
      <section className="card" aria-labelledby="list">
        <Text as="h2" id="list" weight="semibold" size={500}>
          Backups in the folder
        </Text>
        <Button disabled={run.isPending || !s.health.ok} onClick={() => run.mutate({})}>
          Back up now
        </Button>
        {run.isPending && (
          <Spinner
            size="tiny"
            labelPosition="after"
            label="Backing up and checking the copy…"
            role="status"
          />
        )}
        <ErrorBar error={run.error} />
        <table className="table">
          <thead>
            <tr>
              <th>Taken</th>
              <th>Kind</th>
              <th>Size</th>
              <th>Checked</th>
              <th>Chain head</th>
              <th>Restore</th>
            </tr>
          </thead>
          <tbody>
            {s.backups.map((b) => (
              <tr key={b.file}>
                <td>
                  {formatUkDate(b.takenAt.slice(0, 10))} {b.takenAt.slice(11, 16)}
                </td>
                <td>{BACKUP_KIND_LABELS[b.kind]}</td>
                <td>{(b.bytes / 1e6).toFixed(1)} MB</td>
                <td>{b.checked ? 'Yes' : 'No'}</td>
                <td>{b.chainHead ? b.chainHead.slice(0, 12) : '–'}</td>
                <td>
                  <Button size="small" disabled={!b.checked} onClick={() => setRestoring(b)}>
                    Restore…
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}
