// The sign-in screen: username and password, keyboard first; one message for a wrong name or password (it never
// says which), and the lock-out's own words. In the demo school it lists the demo accounts, one per role (the form's
// state is in useSignIn.ts, the demo list in DemoAccounts.tsx).
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useRpc } from '../hooks';
import { useSignIn } from './useSignIn';
import { DemoAccounts } from './DemoAccounts';

export function SignIn({ demo }: { demo: boolean }) {
  const s = useSignIn();
  const accounts = useRpc('auth.demoAccounts', {}, { enabled: demo });
  return (
    <main id="main" className="gate">
      <div className="card gate-card">
        <Title2 as="h1">Sign in</Title2>
        <Text block className="muted">
          Attendance{demo ? ' — demo school' : ''}
        </Text>
        <form onSubmit={s.submit} aria-label="Sign in" className="page" style={{ marginTop: 12 }}>
          <Field label="Username" required>
            <Input
              autoFocus
              autoComplete="username"
              value={s.username}
              onChange={(_, d) => s.setUsername(d.value)}
            />
          </Field>
          <Field label="Password" required>
            <Input
              ref={s.passwordRef}
              type="password"
              autoComplete="current-password"
              value={s.password}
              onChange={(_, d) => s.setPassword(d.value)}
            />
          </Field>
          {s.error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{s.error}</MessageBarBody>
            </MessageBar>
          )}
          <div className="row">
            <Button ref={s.submitRef} appearance="primary" type="submit" disabled={s.busy}>
              {s.busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </div>
        </form>
        <Text block size={200} className="muted" style={{ marginTop: 12 }}>
          Forgotten your password? The school’s administrator can reset it.
        </Text>
      </div>
      {demo && accounts.data && <DemoAccounts accounts={accounts.data.accounts} onUse={s.chooseAccount} />}
    </main>
  );
}
