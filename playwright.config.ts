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

const PROJECTS = [
  'fresh-school',
  'demo-school',
  'office-admin',
  'figures',
  'auth',
  'leave',
  'letters',
  'arrangements',
];
const SERVERS: [number, string][] = [
  [0, ''],
  [1, '--demo'],
  [2, ''],
  [3, '--demo'],
  [4, '--demo'],
  [5, '--demo'],
  [6, '--demo'],
  [7, '--demo --secondary'],
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
  projects: [
    {
      name: 'fresh-school',
      testMatch: /fresh-school\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${BASE}/` },
    },
    {
      name: 'demo-school',
      testMatch: /demo-school\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${BASE + 1}/` },
    },
    {
      name: 'office-admin',
      testMatch: /office-admin\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${BASE + 2}/` },
    },
    { name: 'figures', testMatch: /figures\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE + 3}/` } },
    { name: 'auth', testMatch: /auth\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE + 4}/` } },
    { name: 'leave', testMatch: /leave\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE + 5}/` } },
    { name: 'letters', testMatch: /letters\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE + 6}/` } },
    {
      name: 'arrangements',
      testMatch: /arrangements\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${BASE + 7}/` },
    },
  ],
  // Only the servers of the projects asked for on the command line start (E2E_ONLY=figures,leave), so a helper
  // working on one area does not wait for all of them.
  webServer: SERVERS.filter((_, i) => ONLY === null || ONLY.includes(PROJECTS[i])).map(([i, extra]) =>
    server(BASE + i, extra),
  ),
});
