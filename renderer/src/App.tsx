// The app shell: first-run setup until a school exists, then a left navigation and the routed screens.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Spinner } from '@fluentui/react-components';
import { go, useRpc, useHashRoute } from './hooks';
import { ErrorBar } from './components/ErrorBar';
import { Setup } from './screens/Setup';
import { Home } from './screens/Home';
import { Pupils } from './screens/Pupils';
import { PupilPage } from './screens/PupilPage';
import { ImportPupils } from './screens/ImportPupils';
import { CalendarScreen } from './screens/Calendar';
import { Settings } from './screens/Settings';
import { Register } from './screens/Register';
import { FollowUp } from './screens/FollowUp';
import { Grid } from './screens/Grid';
import { Lists } from './screens/Lists';
import { Leave } from './screens/Leave';

import { Users } from './screens/Users';
import { Audit } from './screens/Audit';
import { AdminHome, Forbidden, GovernorHome } from './screens/RoleHomes';
import { useMe } from './auth/AuthGate';
import { UserMenu } from './auth/UserMenu';
import { canOpen, hasStaffRole, isGovernorOnly, mayCall } from './auth/access';

import { Letters } from './screens/Letters';
import { LetterTemplates } from './screens/LetterTemplates';
import { Bands } from './screens/Bands';
import { Penalties } from './screens/Penalties';
import { Statutory } from './screens/Statutory';

// The dashboard brings ECharts: loaded when first opened, so start-up and the office's screens stay light.
const Backups = lazy(() => import('./screens/backups/Backups').then((m) => ({ default: m.Backups })));
const Casework = lazy(() => import('./screens/casework/Casework').then((m) => ({ default: m.Casework })));
const Arrangements = lazy(() =>
  import('./screens/arrangements/Arrangements').then((m) => ({ default: m.Arrangements })),
);
const Policy = lazy(() => import('./screens/policy/Policy').then((m) => ({ default: m.Policy })));
const Dashboard = lazy(() => import('./screens/Dashboard').then((m) => ({ default: m.Dashboard })));
const GovernorReports = lazy(() =>
  import('./screens/governors/GovernorReports').then((m) => ({ default: m.GovernorReports })),
);

const NAV: [string, string][] = [
  ['', 'Home'],
  ['register', 'Take a register'],
  ['followup', 'Unexplained absence'],
  ['grid', 'Office grid'],
  ['checks', 'Register checks'],
  ['leave', 'Leave of absence'],
  ['arrangements', 'Part-time and flexi'],
  ['pupils', 'Pupils'],
  ['import', 'Import pupils'],
  ['dashboard', 'Dashboard'],
  ['governors', 'Governor reports'],
  ['bands', 'Pupils by band'],
  ['penalties', 'Penalty notices'],
  ['statutory', 'Statutory follow-up'],
  ['letters', 'Letters'],
  ['policy', 'Attendance policy'],
  ['casework', 'Casework due'],
  ['calendar', 'Calendar'],
  ['settings', 'Settings'],
  ['users', 'Users'],
  ['audit', 'Audit log'],
  ['backups', 'Backups'],
];

export function App() {
  const me = useMe();
  const status = useRpc('app.status', {});
  const school = useRpc('school.get', {}, { enabled: !!status.data?.hasSchool });
  const route = useHashRoute();
  // The attendance lead's (and the head's, and a governor's) home is the dashboard: they land there on signing in.
  // The office lands on today's page (registers, unexplained absence). Home stays one click away for everyone.
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current) {
      return;
    }
    landed.current = true;
    const r = me.roles;
    if (
      (route[0] ?? '') === '' &&
      !r.includes('office') &&
      (r.includes('lead') || r.includes('head') || isGovernorOnly(r))
    ) {
      go('dashboard');
    }
  }, [me.roles, route]);
  // Each screen names the window (and the browser tab), so a screen reader announces where a link went.
  const pageName = !status.data?.hasSchool
    ? 'Set up your school'
    : (NAV.find(([p]) => p === (route[0] ?? ''))?.[1] ?? 'Attendance');
  useEffect(() => {
    document.title = `${pageName} – ${school.data?.name ?? 'Attendance'}`;
  }, [pageName, school.data?.name]);
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
    return mayCall(me, 'school.setup') ? (
      <Setup today={today} />
    ) : (
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
  const [top, id] = route;
  const screen = !canOpen(top ?? '', me) ? (
    <Forbidden />
  ) : (
    (() => {
      switch (top ?? '') {
        case '':
          return hasStaffRole(me.roles) ? (
            <Home today={today} />
          ) : mayCall(me, 'users.create') ? (
            <AdminHome today={today} />
          ) : (
            <GovernorHome today={today} />
          );
        case 'pupils':
          return id ? <PupilPage id={Number(id)} today={today} /> : <Pupils today={today} />;
        case 'import':
          return <ImportPupils />;
        case 'calendar':
          return <CalendarScreen today={today} />;
        case 'settings':
          return <Settings />;
        case 'register':
          return <Register today={today} />;
        case 'followup':
          return <FollowUp today={today} />;
        case 'grid':
          return <Grid today={today} />;
        case 'checks':
          return <Lists today={today} />;
        case 'leave':
          return <Leave today={today} />;
        case 'users':
          return <Users />;
        case 'audit':
          return <Audit />;
        case 'letters':
          return id === 'templates' ? <LetterTemplates /> : <Letters today={today} />;
        case 'governors':
          return (
            <Suspense fallback={<Spinner label="Opening the governor reports…" />}>
              <GovernorReports today={today} />
            </Suspense>
          );
        case 'dashboard':
          return (
            <Suspense fallback={<Spinner label="Opening the dashboard…" />}>
              <Dashboard today={today} />
            </Suspense>
          );
        case 'casework':
          return (
            <Suspense fallback={<Spinner label="Opening casework…" />}>
              <Casework route={route} today={today} />
            </Suspense>
          );
        case 'arrangements':
          return (
            <Suspense fallback={<Spinner label="Opening…" />}>
              <Arrangements today={today} />
            </Suspense>
          );
        case 'policy':
          return (
            <Suspense fallback={<Spinner label="Opening the policy…" />}>
              <Policy today={today} />
            </Suspense>
          );
        case 'bands':
          return <Bands today={today} />;
        case 'penalties':
          return <Penalties today={today} />;
        case 'statutory':
          return <Statutory today={today} />;
        case 'backups':
          return (
            <Suspense fallback={<Spinner label="Opening backups…" />}>
              <Backups />
            </Suspense>
          );
        default:
          return (
            <p>
              There is no such page. <a href="#/">Go home</a>.
            </p>
          );
      }
    })()
  );
  return (
    <div className="shell">
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
      <nav className="nav" aria-label="Main">
        <div className="school">
          {school.data?.name ?? 'Attendance'}
          {status.data.demo ? ' (demo)' : ''}
        </div>
        <UserMenu />
        {NAV.filter(([path]) => canOpen(path, me)).map(([path, label]) => (
          <a key={path} href={`#/${path}`} aria-current={(top ?? '') === path ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
    </div>
  );
}
