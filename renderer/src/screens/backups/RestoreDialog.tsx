// Restoring a backup, after saying what is lost since it was taken (the current database is kept aside first).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import type { BackupEntry } from '../../../../shared/channels/backups';
import { formatUkDate } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

export function RestoreDialog({ backup, onClose }: { backup: BackupEntry; onClose: () => void }) {
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
