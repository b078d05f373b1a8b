// Changing one's own password: in a dialog from the user menu, or as a full page when the administrator has
// reset it (the new password must be chosen before anything else).
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
  Text,
  Title2,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { serverErrors, type FieldErrors } from './fields';

interface PasswordValues {
  current: string;
  next: string;
  confirm: string;
}

/** What is wrong with the typed passwords, by field (empty when nothing is). */
function passwordProblems(v: PasswordValues): FieldErrors {
  const bad: FieldErrors = {};
  if (!v.current) {
    bad.current = 'type your current password';
  }
  if (v.next.length < 10) {
    bad.next = 'a password needs at least 10 characters';
  } else if (v.next !== v.confirm) {
    bad.confirm = 'the two new passwords are not the same';
  }
  return bad;
}

/** The current password, the new one twice, and the call's error. */
function PasswordFields({
  v,
  set,
  errors,
  error,
}: {
  v: PasswordValues;
  set: (k: keyof PasswordValues) => (_: unknown, d: { value: string }) => void;
  errors: FieldErrors;
  error: unknown;
}) {
  return (
    <>
      <Field label="Current password" required validationMessage={errors.current}>
        <Input
          type="password"
          autoComplete="current-password"
          autoFocus
          value={v.current}
          onChange={set('current')}
        />
      </Field>
      <Field label="New password" required validationMessage={errors.next} hint="at least 10 characters">
        <Input type="password" autoComplete="new-password" value={v.next} onChange={set('next')} />
      </Field>
      <Field label="New password again" required validationMessage={errors.confirm}>
        <Input type="password" autoComplete="new-password" value={v.confirm} onChange={set('confirm')} />
      </Field>
      <ErrorBar error={error} title="The password was not changed" />
    </>
  );
}

function usePasswordForm(onDone: () => void) {
  const qc = useQueryClient();
  const [v, setV] = useState<PasswordValues>({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof PasswordValues) => (_: unknown, d: { value: string }) => setV({ ...v, [k]: d.value });
  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    const bad = passwordProblems(v);
    setErrors(bad);
    if (Object.keys(bad).length) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('auth.changePassword', { current: v.current, next: v.next });
      setV({ current: '', next: '', confirm: '' });
      await qc.invalidateQueries({ queryKey: ['auth.me'] });
      onDone();
    } catch (err) {
      setError(err);
      setErrors(serverErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return {
    fields: <PasswordFields v={v} set={set} errors={errors} error={error} />,
    submit,
    busy,
    reset: () => {
      setV({ current: '', next: '', confirm: '' });
      setErrors({});
      setError(null);
    },
  };
}

export function ForcedPasswordChange({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  const f = usePasswordForm(() => undefined);
  return (
    <main id="main" className="gate">
      <div className="card gate-card">
        <Title2 as="h1">Choose a new password</Title2>
        <Text block>
          {name}, your password was set by the administrator. Choose your own before you carry on: the current
          password is the one you were given.
        </Text>
        <form onSubmit={f.submit} aria-label="New password" className="page" style={{ marginTop: 12 }}>
          {f.fields}
          <div className="row">
            <Button appearance="primary" type="submit" disabled={f.busy}>
              Save the new password
            </Button>
            <Button onClick={onSignOut}>Sign out</Button>
          </div>
        </form>
      </div>
    </main>
  );
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [done, setDone] = useState(false);
  const f = usePasswordForm(() => setDone(true));
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) {
          onClose();
          setDone(false);
          f.reset();
        }
      }}
    >
      <DialogSurface aria-label="Change your password">
        <form onSubmit={f.submit}>
          <DialogBody>
            <DialogTitle>Change your password</DialogTitle>
            <DialogContent className="page">
              {done ? (
                <MessageBar intent="success">
                  <MessageBarBody>
                    Your password is changed. Other sign-ins of your account have ended.
                  </MessageBarBody>
                </MessageBar>
              ) : (
                f.fields
              )}
            </DialogContent>
            <DialogActions>
              {!done && (
                <Button appearance="primary" type="submit" disabled={f.busy}>
                  Change password
                </Button>
              )}
              <Button
                onClick={() => {
                  onClose();
                  setDone(false);
                  f.reset();
                }}
              >
                {done ? 'Close' : 'Cancel'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
