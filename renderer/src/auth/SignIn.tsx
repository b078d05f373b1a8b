// The sign-in screen: username and password, keyboard first; one message for a wrong name or password (it never
// says which), and the lock-out's own words. In the demo school it lists the demo accounts, one per role.
import { useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { call, RpcFailure } from '../rpc';
import { useRpc } from '../hooks';
import { ROLE_LABELS } from './roles';

export function SignIn({ demo }: { demo: boolean }) {
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const accounts = useRpc('auth.demoAccounts', {}, { enabled: demo });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!username.trim()) {
      setError('Type your username.');
      return;
    }
    if (!password) {
      setError('Type your password.');
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('auth.signIn', { username, password });
      void qc.resetQueries(); // nothing cached for one person is shown to the next
    } catch (err) {
      setError(err instanceof RpcFailure ? err.message : `Signing in did not work: ${String(err)}`);
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="gate">
      <div className="card gate-card">
        <Title2 as="h1">Sign in</Title2>
        <Text block className="muted">
          Attendance{demo ? ' — demo school' : ''}
        </Text>
        <form onSubmit={submit} aria-label="Sign in" className="page" style={{ marginTop: 12 }}>
          <Field label="Username" required>
            <Input
              autoFocus
              autoComplete="username"
              value={username}
              onChange={(_, d) => setUsername(d.value)}
            />
          </Field>
          <Field label="Password" required>
            <Input
              ref={passwordRef}
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
            <Button ref={submitRef} appearance="primary" type="submit" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </div>
        </form>
        <Text block size={200} className="muted" style={{ marginTop: 12 }}>
          Forgotten your password? The school’s administrator can reset it.
        </Text>
      </div>
      {demo && accounts.data && (
        <section className="card gate-card" aria-labelledby="demo-accounts">
          <Text as="h2" id="demo-accounts" weight="semibold" size={400}>
            Demo accounts
          </Text>
          <Text block size={200}>
            This is the demo school: each role has an account. Passwords are shown here only in demo mode.
          </Text>
          <table className="plain" aria-label="Demo accounts">
            <thead>
              <tr>
                <th>Role</th>
                <th>Username</th>
                <th>Password</th>
                <th>
                  <span className="visually-hidden">Use</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((a) => (
                <tr key={a.username}>
                  <td>{ROLE_LABELS[a.role]}</td>
                  <td>{a.username}</td>
                  <td>
                    <code>{a.password}</code>
                  </td>
                  <td>
                    <Button
                      size="small"
                      onClick={() => {
                        setUsername(a.username);
                        setPassword(a.password);
                        setError(null);
                        submitRef.current?.focus();
                      }}
                    >
                      Use the {ROLE_LABELS[a.role].toLowerCase()} account
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
