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
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-GB'],
    },
  },
  projects: [
    { name: 'fresh-school', testMatch: /fresh-school\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE}/` } },
    { name: 'demo-school', testMatch: /demo-school\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE + 1}/` } },
    { name: 'office-admin', testMatch: /office-admin\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE + 2}/` } },
  ],
  webServer: [server(BASE, ''), server(BASE + 1, '--demo'), server(BASE + 2, '')],
});
