// Signing in as a role in browser mode. Every spec starts here so that sign-in (issue 6) has one place to live.
import type { Page } from '@playwright/test';

export type E2eRole = 'office' | 'lead' | 'head' | 'admin' | 'governor';

/** Opens the app signed in as the demo account of `role`. */
export async function signIn(page: Page, role: E2eRole, path = '/'): Promise<void> {
  void role; // browser mode has no accounts yet: every visitor is the local operator
  await page.goto(path);
}
