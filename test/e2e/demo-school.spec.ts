// The demo school as a newcomer sees it after `npm run web -- --demo`.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { signIn } from './session';

test('the demo school opens on Home with its pupils, registers still to take and unexplained absences', async ({
  page,
}) => {
  await signIn(page, 'office', '/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(
    'Riverside Primary School (demo)',
  );
  await expect(page.getByRole('heading', { name: 'Tuesday 1 December 2026' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Registers not yet taken' })).toContainText('PM');
  await expectAccessible(page, 'demo home');
  await page.getByRole('link', { name: 'Pupils', exact: true }).click();
  await expect(page.getByText(/^4\d\d pupils$/)).toBeVisible();
  await page.getByRole('link', { name: 'Unexplained absence' }).click();
  await expect(page.getByRole('region').first()).toContainText('N for AM');
  await expectAccessible(page, 'demo calling list');
});
