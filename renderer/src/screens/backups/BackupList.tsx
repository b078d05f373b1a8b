// The backups in the folder: a backup now (while the database is healthy), and each backup's date, kind, size,
// check and chain head, with its restore button.
import { Button, Spinner, Text } from '@fluentui/react-components';
import { BACKUP_KIND_LABELS, type BackupEntry } from '../../../../shared/channels/backups';
import { formatUkDate } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

export function BackupList({
  backups,
  healthy,
  onRestore,
}: {
  backups: BackupEntry[];
  healthy: boolean;
  onRestore: (b: BackupEntry) => void;
}) {
  const run = useRpcMutation('backups.run', ['backups.status']);
  return (
    <section className="card" aria-labelledby="list">
      <Text as="h2" id="list" weight="semibold" size={500}>
        Backups in the folder
      </Text>
      <Button disabled={run.isPending || !healthy} onClick={() => run.mutate({})}>
        Back up now
      </Button>
      {run.isPending && (
        <Spinner size="tiny" labelPosition="after" label="Backing up and checking the copy…" role="status" />
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
          {backups.map((b) => (
            <BackupRow key={b.file} b={b} onRestore={() => onRestore(b)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BackupRow({ b, onRestore }: { b: BackupEntry; onRestore: () => void }) {
  return (
    <tr>
      <td>
        {formatUkDate(b.takenAt.slice(0, 10))} {b.takenAt.slice(11, 16)}
      </td>
      <td>{BACKUP_KIND_LABELS[b.kind]}</td>
      <td>{(b.bytes / 1e6).toFixed(1)} MB</td>
      <td>{b.checked ? 'Yes' : 'No'}</td>
      <td>{b.chainHead ? b.chainHead.slice(0, 12) : '–'}</td>
      <td>
        <Button size="small" disabled={!b.checked} onClick={onRestore}>
          Restore…
        </Button>
      </td>
    </tr>
  );
}
