// The screen at each path of the route table (route-table.ts). A path without a screen here, or a screen here
// without a path there, is a compile error. Heavy screens load when first opened (`lazy`), with the words shown
// while they load.
import { lazy, type ReactNode } from 'react';
import type { Me } from '../../shared/channels/auth';
import type { RoutePath } from './route-table';
import { hasStaffRole, mayCall } from './auth/access';
import { Home } from './screens/Home';
import { Pupils } from './screens/Pupils';
import { PupilPage } from './screens/pupil/PupilPage';
import { ImportPupils } from './screens/import-pupils/ImportPupils';
import { CalendarScreen } from './screens/calendar/Calendar';
import { Settings } from './screens/Settings';
import { Register } from './screens/Register';
import { FollowUp } from './screens/followup/FollowUp';
import { Grid } from './screens/grid/Grid';
import { Lists } from './screens/Lists';
import { Leave } from './screens/leave/Leave';
import { Users } from './screens/users/Users';
import { Audit } from './screens/Audit';
import { AdminHome, GovernorHome } from './screens/RoleHomes';
import { Letters } from './screens/letters/Letters';
import { LetterTemplates } from './screens/letter-templates/LetterTemplates';
import { Bands } from './screens/bands/Bands';
import { Penalties } from './screens/penalties/Penalties';
import { Statutory } from './screens/statutory/Statutory';
import { NotTaken } from './screens/NotTaken';

const Backups = lazy(() => import('./screens/backups/Backups').then((m) => ({ default: m.Backups })));
const Casework = lazy(() => import('./screens/casework/Casework').then((m) => ({ default: m.Casework })));
const Arrangements = lazy(() =>
  import('./screens/arrangements/Arrangements').then((m) => ({ default: m.Arrangements })),
);
const Policy = lazy(() => import('./screens/policy/Policy').then((m) => ({ default: m.Policy })));
const SelfAudit = lazy(() => import('./screens/selfaudit/SelfAudit').then((m) => ({ default: m.SelfAudit })));
// The dashboard brings ECharts: loaded when first opened, so start-up and the office's screens stay light.
const Dashboard = lazy(() => import('./screens/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const GovernorReports = lazy(() =>
  import('./screens/governors/GovernorReports').then((m) => ({ default: m.GovernorReports })),
);

export interface ScreenProps {
  today: string;
  /** The address, split on '/': route[0] is the path, route[1] an id or a sub-screen. */
  route: string[];
  me: Me;
}

interface Screen {
  render(p: ScreenProps): ReactNode;
  /** For a lazily loaded screen: what the spinner says while its code loads. */
  loading?: string;
}

function home({ today, me }: ScreenProps): ReactNode {
  if (hasStaffRole(me.roles)) {
    return <Home today={today} />;
  }
  return mayCall(me, 'users.create') ? <AdminHome today={today} /> : <GovernorHome today={today} />;
}

export const SCREENS: Record<RoutePath, Screen> = {
  '': { render: home },
  register: { render: ({ today }) => <Register today={today} /> },
  followup: { render: ({ today }) => <FollowUp today={today} /> },
  grid: { render: ({ today }) => <Grid today={today} /> },
  checks: { render: ({ today }) => <Lists today={today} /> },
  leave: { render: ({ today }) => <Leave today={today} /> },
  arrangements: { render: ({ today }) => <Arrangements today={today} />, loading: 'Opening…' },
  pupils: {
    render: ({ today, route }) =>
      route[1] ? <PupilPage id={Number(route[1])} today={today} /> : <Pupils today={today} />,
  },
  import: { render: () => <ImportPupils /> },
  dashboard: { render: ({ today }) => <Dashboard today={today} />, loading: 'Opening the dashboard…' },
  governors: {
    render: ({ today }) => <GovernorReports today={today} />,
    loading: 'Opening the governor reports…',
  },
  bands: { render: ({ today }) => <Bands today={today} /> },
  penalties: { render: ({ today }) => <Penalties today={today} /> },
  statutory: { render: ({ today }) => <Statutory today={today} /> },
  letters: {
    render: ({ today, route }) =>
      route[1] === 'templates' ? <LetterTemplates /> : <Letters today={today} />,
  },
  policy: { render: ({ today }) => <Policy today={today} />, loading: 'Opening the policy…' },
  casework: {
    render: ({ today, route }) => <Casework route={route} today={today} />,
    loading: 'Opening casework…',
  },
  selfaudit: {
    render: ({ today, route }) => <SelfAudit route={route} today={today} />,
    loading: 'Opening the self-audit…',
  },
  calendar: { render: ({ today }) => <CalendarScreen today={today} /> },
  settings: { render: () => <Settings /> },
  users: { render: () => <Users /> },
  audit: { render: () => <Audit /> },
  backups: { render: () => <Backups />, loading: 'Opening backups…' },
  'not-taken': { render: ({ today }) => <NotTaken today={today} /> },
};
