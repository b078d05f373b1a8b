// The governor report on the demo school: the lead produces the final report in one click from the suggested key
// messages, with a progress bar; a governor then opens it from the governor reports page and sees no produce form.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signIn } from './session';

test.describe.configure({ mode: 'serial' });

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } })
  ).newPage();
});
test.afterAll(async () => {
  await page.close();
});

test('the lead produces the final governor report', async () => {
  await signIn(page, 'lead', '/#/governors');
  await expect(page.getByRole('heading', { name: 'Governor reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Key messages, one a line (at most 5)')).toHaveValue(
    /Attendance for the period was/,
  );
  await expectAccessible(page, 'governor reports (lead)');
  await page.screenshot({ path: 'test-results/governors-lead.png' });
  await page.getByRole('button', { name: 'Produce the final report' }).click();
  await expect(page.getByRole('table', { name: 'Final governor reports' })).toContainText(
    'Attendance report to governors',
  );
});

test('a governor opens the final report and cannot produce one', async () => {
  await signIn(page, 'governor', '/#/governors');
  await expect(page.getByRole('heading', { name: 'Governor reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Produce the final report' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Open Attendance report to governors/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^governors-.*\.docx$/);
  await expectAccessible(page, 'governor reports (governor)');
});
