// The app shell: first-run setup until a school exists, then a left navigation and the routed screens.
import { Suspense, useEffect, useRef } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { Me } from '../../shared/channels/auth';
import { go, useRpc, useHashRoute } from './hooks';
import { useFocusOnNavigate } from './focus';
import { ErrorBar } from './components/ErrorBar';
import { Setup } from './screens/Setup';
import { Forbidden } from './screens/RoleHomes';
import { useMe } from './auth/AuthGate';
import { UserMenu } from './auth/UserMenu';
import { canOpen, isGovernorOnly, mayCall } from './auth/access';
import { MENU, routeEntry, type RoutePath } from './route-table';
import { SCREENS } from './route-screens';

export function App() {
  const me = useMe();
  const status = useRpc('school.appStatus', {});
  const school = useRpc('school.get', {}, { enabled: !!status.data?.hasSchool });
  const route = useHashRoute();
  useFocusOnNavigate(route);
  useLanding(me.roles, route);
  useWindowTitle(!!status.data?.hasSchool, route, school.data?.name);
  if (status.isPending) {
    return <Spinner label="Opening the database…" style={{ marginTop: 80 }} />;
  }
  if (status.error) {
    return (
      <main id="main" className="page" style={{ padding: 24 }}>
        <ErrorBar error={status.error} title="The app cannot reach its database" />
      </main>
    );
  }
  const today = status.data.today;
  if (!status.data.hasSchool) {
    return mayCall(me, 'school.setup') ? <Setup today={today} /> : <NotSetUpYet />;
  }
  const top = route[0] ?? '';
  const screen = <Routed route={route} today={today} me={me} />;
  return (
    <div className="shell">
      <SkipLink />
      <MainNav me={me} top={top} schoolName={school.data?.name} demo={status.data.demo} />
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
    </div>
  );
}

/** The attendance lead's (and the head's, and a governor's) home is the dashboard: they land there on signing in.
 * The office lands on today's page (registers, unexplained absence). Home stays one click away for everyone. */
function useLanding(roles: Me['roles'], route: string[]) {
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current) {
      return;
    }
    landed.current = true;
    const r = roles;
    if (
      (route[0] ?? '') === '' &&
      !r.includes('office') &&
      (r.includes('lead') || r.includes('head') || isGovernorOnly(r))
    ) {
      go('dashboard');
    }
  }, [roles, route]);
}

/** Each screen names the window (and the browser tab), so a screen reader announces where a link went. */
function useWindowTitle(hasSchool: boolean, route: string[], schoolName: string | undefined) {
  const pageName = !hasSchool ? 'Set up your school' : (routeLabel(route[0] ?? '') ?? 'Attendance');
  useEffect(() => {
    document.title = `${pageName} – ${schoolName ?? 'Attendance'}`;
  }, [pageName, schoolName]);
}

/** Before the school is set up, for someone who may not set it up. */
function NotSetUpYet() {
  return (
    <main id="main" className="gate">
      <div className="card gate-card">
        <UserMenu />
        <p>
          The school is not set up yet. The administrator or the headteacher sets it up when they first sign
          in.
        </p>
      </div>
    </main>
  );
}

function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}

/** The left navigation: the school's name, the user menu, and the screens this person may open. */
function MainNav({
  me,
  top,
  schoolName,
  demo,
}: {
  me: Me;
  top: string;
  schoolName: string | undefined;
  demo: boolean;
}) {
  return (
    <nav className="nav" aria-label="Main">
      <div className="school">
        {schoolName ?? 'Attendance'}
        {demo ? ' (demo)' : ''}
      </div>
      <UserMenu />
      {MENU.filter((r) => canOpen(r.path, me)).map((r) => (
        <a key={r.path} href={`#/${r.path}`} aria-current={top === r.path ? 'page' : undefined}>
          {r.label}
        </a>
      ))}
    </nav>
  );
}

/** The window's title for a path: its menu label, or the title of a screen reached from another screen. */
function routeLabel(path: string): string | undefined {
  const entry = routeEntry(path);
  return entry ? (entry.label ?? entry.title) : undefined;
}

/** The screen at the address, once the route table says this person may open it. */
function Routed({ route, today, me }: { route: string[]; today: string; me: ReturnType<typeof useMe> }) {
  const entry = routeEntry(route[0] ?? '');
  if (!entry) {
    return (
      <p>
        There is no such page. <a href="#/">Go home</a>.
      </p>
    );
  }
  if (!canOpen(entry.path, me)) {
    return <Forbidden />;
  }
  const screen = SCREENS[entry.path as RoutePath];
  const content = screen.render({ today, route, me });
  return screen.loading ? (
    <Suspense fallback={<Spinner label={screen.loading} />}>{content}</Suspense>
  ) : (
    content
  );
}
