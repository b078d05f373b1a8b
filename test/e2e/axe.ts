// An axe check of the whole page: zero violations, listed by rule when there are some.
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/**
 * axe's default run leaves out the WCAG 2.2 AA rules (target-size: a pointer target at least 24 px); they are
 * turned on here on top of the defaults, so the check covers WCAG 2.2 AA (docs/ux.md).
 */
const WCAG22AA = Object.fromEntries(axe.getRules(['wcag22aa']).map((r) => [r.ruleId, { enabled: true }]));

/** Each checked screen is also photographed into reports/screens/ (git-ignored) to look at the layout. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.screenshot({ path: `reports/screens/${screen.replace(/[^a-z0-9]+/gi, '-')}.png` });
  // Nothing is left out of the scan: Fluent UI's hidden focus guards (tabster's dummy inputs) are kept off the
  // screens instead (see docs/ux.md), so the whole page is checked.
  // Only violations are collected (not the passes): the same check, fast enough for large tables (the office grid).
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'], rules: WCAG22AA })
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 2)
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`)
        .join(' | ')}`,
  );
  // where a violation sits (its parent), so a message names the component and not only a generated class
  const first = results.violations[0]?.nodes[0]?.target.join(' ');
  const where = first
    ? await page
        .locator(first)
        .first()
        .evaluate((e) => e.parentElement?.outerHTML.slice(0, 300) ?? '')
        .catch(() => '')
    : '';
  summary.push(...(where ? [`in: ${where}`] : []));
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}
