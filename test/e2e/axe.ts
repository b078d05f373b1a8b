// An axe check of the whole page: zero violations, listed by rule when there are some.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Each checked screen is also photographed into reports/screens/ (git-ignored) to look at the layout. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.screenshot({ path: `reports/screens/${screen.replace(/[^a-z0-9]+/gi, '-')}.png` });
  // Nothing is left out of the scan: Fluent UI's hidden focus guards (tabster's dummy inputs) are kept off the
  // screens instead (see docs/ux.md), so the whole page is checked.
  // Only violations are collected (not the passes): the same check, fast enough for large tables (the office grid).
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 2)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}
