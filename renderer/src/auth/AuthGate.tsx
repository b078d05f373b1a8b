// The sign-in gate around the app: the first administrator on first run, then sign-in, a forced new password
// after a reset, and the idle lock (the app stays mounted underneath, hidden, so nothing typed is lost).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../shared/channels/auth';
import { useRpc } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { AUTH_EVENT, rememberToken } from './token';
import { SignIn } from './SignIn';
import { FirstAdmin } from './FirstAdmin';
import { ForcedPasswordChange } from './ChangePassword';
import { LockScreen } from './LockScreen';

interface AuthApi {
  me: Me;
  signOut: () => Promise<void>;
  lock: () => Promise<void>;
}
const AuthContext = createContext<AuthApi | null>(null);

/** The signed-in person and the sign-out and lock actions (inside the gate only). */
export function useAuth(): AuthApi {
  const a = useContext(AuthContext);
  if (!a) {
    throw new Error('useAuth outside the sign-in gate');
  }
  return a;
}
export const useMe = (): Me => useAuth().me;

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'] as const;

/** Calls onIdle after `minutes` without keyboard or mouse; while in use, tells the core every minute (it locks
 * sessions it has not heard from for the idle time). */
function useIdle(minutes: number, active: boolean, onIdle: () => void, onBeat: () => void) {
  useEffect(() => {
    if (!active) {
      return;
    }
    const limit = minutes * 60_000;
    let last = Date.now();
    let beat = Date.now();
    let timer = 0;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) {
        onIdle();
      } else {
        timer = window.setTimeout(check, limit - idle);
      }
    };
    timer = window.setTimeout(check, limit);
    const onActivity = () => {
      last = Date.now();
      if (last - beat >= 60_000) {
        beat = last;
        onBeat();
      }
    };
    for (const e of ACTIVITY) {
      window.addEventListener(e, onActivity, { capture: true, passive: true });
    }
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) {
        window.removeEventListener(e, onActivity, { capture: true });
      }
    };
  }, [minutes, active, onIdle, onBeat]);
}

export function AuthGate({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const status = useRpc('school.appStatus', {});
  const auth = useRpc('auth.me', {});
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
  const me = auth.data?.me ?? null;
  const locked = !!me && (me.locked || lockedHere);
  useIdle(auth.data?.idleLockMinutes ?? 10, !!me && !locked && !me.mustChangePassword, lock, refreshMe);
  // The gate's own pages name the window (the app's screens name it themselves once signed in).
  const gatePage = auth.data?.needsFirstAdmin
    ? 'Create the administrator account'
    : !auth.data
      ? null
      : !me
        ? 'Sign in'
        : me.mustChangePassword
          ? 'Choose a new password'
          : null;
  useEffect(() => {
    if (gatePage) {
      document.title = `${gatePage} – Attendance`;
    }
  }, [gatePage]);

  if (status.isPending || auth.isPending) {
    return <Spinner label="Opening the database…" style={{ marginTop: 80 }} />;
  }
  if (status.error || auth.error) {
    return (
      <main id="main" className="page" style={{ padding: 24 }}>
        <ErrorBar error={status.error ?? auth.error} title="The app cannot reach its database" />
      </main>
    );
  }
  if (auth.data.needsFirstAdmin) {
    return <FirstAdmin />;
  }
  if (!me) {
    return <SignIn demo={status.data.demo} />;
  }
  if (me.mustChangePassword) {
    return <ForcedPasswordChange name={me.displayName} onSignOut={signOut} />;
  }
  return (
    <AuthContext.Provider value={{ me, signOut, lock }}>
      {locked && (
        <LockScreen
          me={me}
          onSignOut={signOut}
          onUnlocked={() => {
            setLockedHere(false);
            refreshMe();
          }}
        />
      )}
      <div hidden={locked}>{children}</div>
    </AuthContext.Provider>
  );
}
