// The administrator's backups page in browser mode: back up now, the list with its check, restore with the current
// file kept aside; axe-clean. (docs/data-safety.md)
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { signIn } from './session';

test('the administrator backs up and restores from the backups page', async ({ page }) => {
  await signIn(page, 'admin', '/#/backups');
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  await expect(page.getByText(/same disk as the database/)).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  // A backup of the demo school (about 75 MB) is copied and then checked, which takes seconds on a busy machine;
  // the page says so while it runs.
  await expect(
    page.getByRole('status').filter({ hasText: 'Backing up and checking the copy' }),
  ).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Taken by hand' });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row.getByRole('cell', { name: 'Yes', exact: true })).toBeVisible();
  await expectAccessible(page, 'backups');
  await page.screenshot({ path: 'reports/admin-backups.png' });
  await row.getByRole('button', { name: 'Restore…' }).click();
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByText(/Restored\. The previous file was kept as .*before-restore/)).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: 'reports/admin-backups-restored.png' });
});
