// The first administrator's form: its values, checked here against the contract (with the password's length and the
// typed-twice check), then the call that creates the account and signs it in.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { call } from '../rpc';
import { serverErrors, zodErrors, type FieldErrors } from './fields';

const Schema = contract['auth.firstAdmin'].input
  .extend({ confirm: z.string() })
  .refine((v) => v.password.length >= 10, {
    path: ['password'],
    message: 'a password needs at least 10 characters',
  })
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: 'the two passwords are not the same',
  });

export function useFirstAdmin() {
  const qc = useQueryClient();
  const [v, setV] = useState({ displayName: '', position: '', username: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (_: unknown, d: { value: string }) => setV({ ...v, [k]: d.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const bad = zodErrors(Schema, v);
    setErrors(bad ?? {});
    if (bad) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('auth.firstAdmin', {
        displayName: v.displayName,
        position: v.position,
        username: v.username,
        password: v.password,
      });
      void qc.resetQueries();
    } catch (err) {
      setError(err);
      setErrors(serverErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return { v, set, errors, error, busy, submit };
}
