// The sign-in gate around the app: the first administrator on first run, then sign-in, a forced new password
// after a reset, and the idle lock (the app stays mounted underneath, hidden, so nothing typed is lost). The session's
// actions are in useSession.ts, the idle timer in useIdle.ts.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { Me } from '../../../shared/channels/auth';
import type { Output } from '../../../shared/contract';
import { useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { useIdle } from './useIdle';
import { useSession } from './useSession';
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

/** The gate's own pages name the window (the app's screens name it themselves once signed in). */
function gatePage(data: Output<'auth.me'> | undefined): string | null {
  const me = data?.me ?? null;
  return data?.needsFirstAdmin
    ? 'Create the administrator account'
    : !data
      ? null
      : !me
        ? 'Sign in'
        : me.mustChangePassword
          ? 'Choose a new password'
          : null;
}

export function AuthGate({ children }: { children: ReactNode }) {
  const status = useRpc('school.appStatus', {});
  const auth = useRpc('auth.me', {});
  const { lockedHere, refreshMe, signOut, lock, unlocked } = useSession();
  const me = auth.data?.me ?? null;
  const locked = !!me && (me.locked || lockedHere);
  useIdle(auth.data?.idleLockMinutes ?? 10, !!me && !locked && !me.mustChangePassword, lock, refreshMe);
  const page = gatePage(auth.data);
  useEffect(() => {
    if (page) {
      document.title = `${page} – Attendance`;
    }
  }, [page]);

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
      {locked && <LockScreen me={me} onSignOut={signOut} onUnlocked={unlocked} />}
      <div hidden={locked}>{children}</div>
    </AuthContext.Provider>
  );
}
