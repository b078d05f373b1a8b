// The idle lock: the screen's content is hidden (kept as it was underneath) until the same person types their
// password again; anyone else signs the account out and signs in as themselves.
import { useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import type { Me } from '../../../shared/channels/auth';
import { call, RpcFailure } from '../rpc';

export function LockScreen({
  me,
  onUnlocked,
  onSignOut,
}: {
  me: Me;
  onUnlocked: () => void;
  onSignOut: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!password) {
      setError('Type your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('auth.unlock', { password });
      setPassword('');
      onUnlocked();
    } catch (err) {
      setError(err instanceof RpcFailure ? err.message : String(err));
      setPassword('');
      ref.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="lock" className="gate">
      <div className="card gate-card">
        <Title2 as="h1">The screen is locked</Title2>
        <Text block>{me.displayName} is signed in. Type your password to carry on where you were.</Text>
        <form onSubmit={submit} aria-label="Unlock" className="page" style={{ marginTop: 12 }}>
          <Field label="Password" required>
            <Input
              ref={ref}
              autoFocus
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
            />
          </Field>
          {error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          <div className="row">
            <Button appearance="primary" type="submit" disabled={busy}>
              Unlock
            </Button>
            <Button onClick={onSignOut}>Not {me.displayName}? Sign out</Button>
          </div>
        </form>
      </div>
    </main>
  );
}
