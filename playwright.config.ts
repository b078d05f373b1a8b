// End-to-end tests in Debian's Chromium against browser mode (npm run web), never Playwright's own browser.
import { defineConfig } from '@playwright/test';

const TODAY = '2026-12-01'; // a Tuesday in the autumn term the setup screen proposes
/** Each project gets its own server and database; E2E_PORT moves them all when the default ports are taken. */
const BASE = Number(process.env.E2E_PORT ?? 5191);
const server = (port: number, extra: string) => ({
  command: `node dist/web/server.cjs --db "$(mktemp -d)/e2e.sqlite" --port ${port} ${extra}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: { ATTENDANCE_TODAY: TODAY },
});

/**
 * The one list of e2e projects: each runs test/e2e/<name>.spec.ts against its own server (port BASE + its place
 * in this list, its own fresh database), with the demo school when `demo` is set. Add a project with one line.
 */
/** `secondary`: the demo school is a secondary school (years 7 to 11) instead of a primary. */
const PROJECTS: { name: string; demo: boolean; secondary?: boolean }[] = [
  { name: 'fresh-school', demo: false },
  { name: 'demo-school', demo: true },
  { name: 'office-admin', demo: false },
  { name: 'figures', demo: true },
  { name: 'auth', demo: true },
  { name: 'leave', demo: true },
  { name: 'letters', demo: true },
  { name: 'admin-backups', demo: true },
  { name: 'casework', demo: true },
  { name: 'governors', demo: true },
  { name: 'arrangements', demo: true, secondary: true },
  { name: 'policy', demo: true },
];
const ONLY = process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : null;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 2, // projects run side by side (each has its own server and database); the tests of a file run in order
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'reports/playwright-output',
  use: {
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=en-GB',
      ],
    },
  },
  projects: PROJECTS.map(({ name }, i) => ({
    name,
    testMatch: new RegExp(`[\\\\/]${name}\\.spec\\.ts$`), // names are lower-case words and hyphens
    use: { baseURL: `http://127.0.0.1:${BASE + i}/` },
  })),
  // Only the servers of the projects asked for on the command line start (E2E_ONLY=figures,leave), so a helper
  // working on one area does not wait for all of them.
  webServer: PROJECTS.flatMap(({ name, demo, secondary }, i) => {
    const flags = [demo ? '--demo' : '', secondary ? '--secondary' : ''].filter(Boolean).join(' ');
    return ONLY === null || ONLY.includes(name) ? [server(BASE + i, flags)] : [];
  }),
});
