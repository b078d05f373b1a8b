// End-to-end tests in Debian's Chromium against browser mode (npm run web), never Playwright's own browser.
import { defineConfig } from '@playwright/test';

const TODAY = '2026-12-01'; // a Tuesday in the autumn term the setup screen proposes
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
  workers: 1,
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
    { name: 'fresh-school', testMatch: /fresh-school\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:5191/' } },
    { name: 'demo-school', testMatch: /demo-school\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:5192/' } },
  ],
  webServer: [server(5191, ''), server(5192, '--demo')],
});
