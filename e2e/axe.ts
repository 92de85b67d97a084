import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious or critical accessibility violations on the page as it stands, each as "rule at selectors".
 *
 * Every axe rule runs; two settings only make it quicker. Legacy mode runs axe in the page itself: the default
 * opens a blank page per call to merge the results of cross-origin frames, which the app has none of. And only
 * violations are reported back, not every passing node (thousands on a dashboard). Together they took the home page
 * of the nation from 9.7 to 4.5 s, and the every-page walk's Thai laptop passes spend most of their time here.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
