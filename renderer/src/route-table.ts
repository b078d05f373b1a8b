// The one route table (docs/architecture.md, "UI"): each screen's address, its menu label, and the channel it cannot
// work without. The menu, the window title, the access check and the route test all read it; the screens are
// attached to these paths in screens.tsx, and the compiler checks that every path has one. Who may open a
// screen is the contract's permission rule on its channel; a governor opens only the screens marked `governor`
// (whole-school figures, never a pupil's name).
import type { Channel } from '../../shared/contract';

export interface RouteEntry {
  path: string;
  /** The menu label and the window's title; null for a screen reached from another screen. */
  label: string | null;
  /** The window's title when the screen is not in the menu. */
  title?: string;
  /** The channel the screen cannot work without; null only for Home, which every signed-in person opens. */
  channel: Channel | null;
  /** A governor (with no other role) may open it. */
  governor?: boolean;
}

export const ROUTE_TABLE = [
  { path: '', label: 'Home', channel: null, governor: true },
  { path: 'register', label: 'Take a register', channel: 'registers.get' },
  { path: 'followup', label: 'Unexplained absence', channel: 'followup.list' },
  { path: 'grid', label: 'Office grid', channel: 'registers.grid' },
  { path: 'checks', label: 'Register checks', channel: 'marks.unexported' },
  { path: 'leave', label: 'Leave of absence', channel: 'leave.list' },
  { path: 'arrangements', label: 'Part-time and flexi', channel: 'arrangements.list' },
  { path: 'pupils', label: 'Pupils', channel: 'pupils.list' },
  { path: 'import', label: 'Import pupils', channel: 'pupils.import' },
  { path: 'dashboard', label: 'Dashboard', channel: 'figures.dashboard', governor: true },
  { path: 'governors', label: 'Governor reports', channel: 'governors.reports', governor: true },
  { path: 'bands', label: 'Pupils by band', channel: 'figures.bands' },
  { path: 'penalties', label: 'Penalty notices', channel: 'penalty.tracker' },
  { path: 'statutory', label: 'Statutory follow-up', channel: 'figures.statutoryLists' },
  { path: 'letters', label: 'Letters', channel: 'letters.candidates' },
  { path: 'policy', label: 'Attendance policy', channel: 'policy.saveDraft' },
  { path: 'casework', label: 'Casework due', channel: 'casework.due' },
  { path: 'selfaudit', label: 'Self-audit', channel: 'selfaudit.terms' },
  { path: 'calendar', label: 'Calendar', channel: 'calendar.get' },
  { path: 'settings', label: 'Settings', channel: 'school.update' },
  { path: 'users', label: 'Users', channel: 'users.list' },
  { path: 'audit', label: 'Audit log', channel: 'audit.list' },
  { path: 'backups', label: 'Backups', channel: 'backups.status' },
  { path: 'not-taken', label: null, title: 'Registers not taken', channel: 'registers.outstanding' },
] as const satisfies readonly RouteEntry[];

export type RoutePath = (typeof ROUTE_TABLE)[number]['path'];

/** The table's entry for the first part of an address, or undefined for an address the app has no screen for. */
export function routeEntry(path: string): RouteEntry | undefined {
  return (ROUTE_TABLE as readonly RouteEntry[]).find((r) => r.path === path);
}

/** The menu, in order. */
export const MENU = (ROUTE_TABLE as readonly RouteEntry[]).filter((r) => r.label !== null);
