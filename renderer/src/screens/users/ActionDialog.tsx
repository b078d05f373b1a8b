// Changing an account: its details and roles, a new password, or disabling it (an account is never deleted: the
// audit log names it). The draft and its call are in useAccountAction.ts, each kind's fields in ActionFields.tsx.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { ErrorBar } from '../../components/ErrorBar';

import { actionTitle, actionVerb, type Action } from './actions';
import { useAccountAction } from './useAccountAction';
import { DisableFields, EditFields, ResetFields } from './ActionFields';

export type { Action } from './actions';

export function ActionDialog({ action, onClose }: { action: NonNullable<Action>; onClose: () => void }) {
  const { v, change, errors, error, pending, submit } = useAccountAction(action, onClose);
  const name = action.user.displayName;
  const title = actionTitle(action);
  return (
    <Dialog
      open
      onOpenChange={(_, d) => {
        if (!d.open) {
          onClose();
        }
      }}
    >
      <DialogSurface aria-label={title}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className="page">
              {action.kind === 'edit' && <EditFields name={name} v={v} change={change} errors={errors} />}
              {action.kind === 'reset' && <ResetFields name={name} v={v} change={change} errors={errors} />}
              {action.kind === 'disable' && <DisableFields v={v} change={change} errors={errors} />}
              <ErrorBar error={error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={pending}>
                {actionVerb(action.kind)}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
