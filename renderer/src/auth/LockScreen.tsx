// The idle lock: the screen's content is hidden (kept as it was underneath) until the same person types their
// password again; anyone else signs the account out and signs in as themselves (the form's state: useUnlock.ts).
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import type { Me } from '../../../shared/channels/auth';
import { useUnlock } from './useUnlock';

export function LockScreen({
  me,
  onUnlocked,
  onSignOut,
}: {
  me: Me;
  onUnlocked: () => void;
  onSignOut: () => void;
}) {
  const { password, setPassword, error, busy, ref, submit } = useUnlock(onUnlocked);
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
