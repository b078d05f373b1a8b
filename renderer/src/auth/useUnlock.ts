// The lock screen's form: the typed password, its message, and the call that unlocks (focus back on the password
// box after a wrong one).
import { useRef, useState } from 'react';
import { call, RpcFailure } from '../rpc';

export function useUnlock(onUnlocked: () => void) {
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
  return { password, setPassword, error, busy, ref, submit };
}
