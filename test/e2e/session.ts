// Signing in, in browser mode. Every spec starts here: `signIn` uses the demo school's account of a role (the
// demo servers); `signInWith` any account; `rpc` calls the server as the signed-in page does (its token).
import { expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../main/core/auth/demo-accounts';

export type E2eRole = 'office' | 'lead' | 'head' | 'admin' | 'governor';
const TOKEN_KEY = 'attendance.session';

/** Opens the app signed in as the demo account of `role`, then goes to `path`. */
export async function signIn(page: Page, role: E2eRole, path = '/'): Promise<void> {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role)!;
  await signInWith(page, a.username, a.password, path);
}

/** Signs in through the sign-in screen (signing out whoever was signed in on this page first). */
export async function signInWith(page: Page, username: string, password: string, path = '/'): Promise<void> {
  await page.goto('/');
  if (await page.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY)) {
    await rpc(page, 'auth.signOut', {});
    await page.goto('/'); // as the app's own sign-out does: back to Home, not the last person's page
  }
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // signed in: the account menu, or (first sign-in after a reset) the new-password page
  await expect(
    page
      .getByRole('button', { name: /account menu/ })
      .or(page.getByRole('heading', { name: 'Choose a new password' })),
  ).toBeVisible();
  if (path !== '/') {
    await page.goto(path);
  }
}

/** One call to the browser-mode server from the app's own page (same origin, the app's header, the page's token). */
export type RpcAnswer = { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
export async function rpc(page: Page, channel: string, input: unknown): Promise<RpcAnswer> {
  return page.evaluate<RpcAnswer, readonly [string, unknown, string]>(
    async ([c, i, k]) => {
      const token = sessionStorage.getItem(k);
      const r = await fetch(`/rpc/${c}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Attendance-Rpc': '1',
          ...(token ? { 'X-Attendance-Session': token } : {}),
        },
        body: JSON.stringify(i),
      });
      const res = (await r.json()) as { ok: boolean; value?: { token?: string } };
      if (res.ok && (c === 'auth.signIn' || c === 'auth.firstAdmin')) {
        sessionStorage.setItem(k, res.value?.token ?? '');
      }
      if (c === 'auth.signOut') {
        sessionStorage.removeItem(k);
      }
      return res;
    },
    [channel, input, TOKEN_KEY] as const,
  );
}
