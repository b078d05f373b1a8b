// The gate's session actions: asking again who is signed in (also when the token changes), signing out, and locking
// the screen (hidden here at once, then the core is told).
import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../rpc';
import { AUTH_EVENT, rememberToken } from './token';

export function useSession() {
  const qc = useQueryClient();
  const [lockedHere, setLockedHere] = useState(false);
  const refreshMe = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['auth.me'] });
  }, [qc]);
  useEffect(() => {
    window.addEventListener(AUTH_EVENT, refreshMe);
    return () => window.removeEventListener(AUTH_EVENT, refreshMe);
  }, [refreshMe]);
  const signOut = useCallback(async () => {
    try {
      await call('auth.signOut', {});
    } catch {
      rememberToken(null);
    }
    setLockedHere(false);
    void qc.resetQueries(); // nothing cached for one person is shown to the next
    window.location.hash = '#/';
  }, [qc]);
  const lock = useCallback(async () => {
    setLockedHere(true); // hide the screen at once, then tell the core
    try {
      await call('auth.lock', {});
    } finally {
      refreshMe();
    }
  }, [refreshMe]);
  const unlocked = () => {
    setLockedHere(false);
    refreshMe();
  };
  return { lockedHere, refreshMe, signOut, lock, unlocked };
}
