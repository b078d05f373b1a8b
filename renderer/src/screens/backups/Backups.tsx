// The administrator's backups page (docs/data-safety.md): where backups go and how often, the list with each
// backup's date, size and check, a backup now, and restore (the current file is kept aside first). The settings
// form, the list and the restore dialog are beside this file.
import { useState } from 'react';
import { MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import type { BackupEntry, BackupSettings } from '../../../../shared/channels/backups';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { SettingsForm } from './SettingsForm';
import { RestoreDialog } from './RestoreDialog';
import { BackupList } from './BackupList';

export function Backups() {
  const status = useRpc('backups.status', {});
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
      <WhereAndHowOften folder={s.folder} sameDisk={s.sameDiskAsDatabase} settings={s.settings} />
      <BackupList backups={s.backups} healthy={s.health.ok} onRestore={setRestoring} />
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}

/** The backup folder (with a warning when it shares the database's disk) and the settings form. */
function WhereAndHowOften({
  folder,
  sameDisk,
  settings,
}: {
  folder: string;
  sameDisk: boolean;
  settings: BackupSettings;
}) {
  return (
    <section className="card" aria-labelledby="where">
      <Text as="h2" id="where" weight="semibold" size={500}>
        Where and how often
      </Text>
      <p>Backups go to {folder}.</p>
      {sameDisk && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This folder is on the same disk as the database: if that disk fails, the backups go with it.
            Choose a folder on another disk or a removable drive.
          </MessageBarBody>
        </MessageBar>
      )}
      <SettingsForm settings={settings} />
    </section>
  );
}
