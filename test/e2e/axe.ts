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
  await settleTransitions(page);
  await page.screenshot({ path: `reports/screens/${screen.replace(/[^a-z0-9]+/gi, '-')}.png` });
  // Only violations are collected (not the passes): the same check, fast enough for large tables (the office grid).
  // The one node left out: the focus guard Fluent UI's dialogs leave as a child of the page body
  // (`<i data-tabster-dummy aria-hidden="true" tabindex="0">`), focusable on purpose to hand focus on at once; a
  // known false positive of aria-hidden-focus that Microsoft's own checker leaves out too (docs/ux.md). A guard
  // anywhere else (a TabList's, a Toolbar's) and any other hidden focusable control still fails.
  const results = await new AxeBuilder({ page })
    .exclude('body > i[data-tabster-dummy]')
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

/**
 * Waits for the page's finite CSS transitions and animations to end. A button clicked just before the check is
 * still fading into its hover colours for a few frames, and axe measured its contrast mid-fade once (a failure
 * of the casework run in CI that no screen shows at rest). Endless animations (a spinner) are not waited for.
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // the e2e code is compiled without the DOM's types: the little of an Animation used here, written out
    type Running = {
      effect: { getComputedTiming(): { endTime?: number | string } } | null;
      finished: Promise<unknown>;
    };
    const doc = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document;
    const finite = doc.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}
