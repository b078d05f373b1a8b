// The sign-in form's state and its call: the typed name and password, the one message shown, and where focus goes
// after a wrong password or after choosing a demo account.
import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call, RpcFailure } from '../rpc';

export function useSignIn() {
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
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
  /** Fills the form with a demo account and moves to the sign-in button. */
  const chooseAccount = (a: { username: string; password: string }) => {
    setUsername(a.username);
    setPassword(a.password);
    setError(null);
    submitRef.current?.focus();
  };
  return {
    username,
    setUsername,
    password,
    setPassword,
    error,
    busy,
    passwordRef,
    submitRef,
    submit,
    chooseAccount,
  };
}
