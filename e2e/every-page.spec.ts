import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './session';

/**
 * Every page of every role: each demo account signs in, opens every page its navigation offers (and, where a page
 * lists records or budget activities, the first one), and nothing may go wrong on the way: no error alert, no API
 * answer outside 2xx, no serious or critical accessibility violation.
 */
const ACCOUNTS = ['demo-admin', 'demo-province', 'demo-district', 'demo-committee', 'demo-district-2'] as const;

/** Waits until the page has stopped asking the API for things and no loader is spinning. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root, .mantine-Skeleton-root')).toHaveCount(0, { timeout: 10_000 });
}

async function problemsOnScreen(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const alert of await page.getByRole('alert').all()) {
    if (await alert.isVisible())
      problems.push(`${where}: error alert "${((await alert.textContent()) ?? '').replace(/\s+/g, ' ')}"`);
  }
  const axe = await new AxeBuilder({ page }).analyze();
  for (const v of axe.violations) {
    if (v.impact === 'serious' || v.impact === 'critical')
      problems.push(`${where}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  return problems;
}

for (const account of ACCOUNTS) {
  test(`${account} opens every page in the navigation without an error alert, a failed request or an accessibility violation`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const problems: string[] = [];
    let where = 'sign-in';
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/') && (response.status() < 200 || response.status() > 299))
        problems.push(`${where}: ${response.request().method()} ${url.pathname}${url.search} answered ${response.status()}`);
    });
    page.on('pageerror', (error) => problems.push(`${where}: page error ${error.message}`));

    await signIn(page, account);
    const nav = page.getByRole('navigation', { name: 'เมนู' });
    const links = await nav
      .getByRole('link')
      .evaluateAll((as) =>
        as.map((a) => ({ href: (a as HTMLAnchorElement).getAttribute('href') ?? '', label: a.textContent ?? '' })),
      );
    expect(links.length).toBeGreaterThan(1);

    for (const link of links) {
      where = `${account} ${link.label} (${link.href})`;
      await page.goto(link.href);
      await settle(page);
      problems.push(...(await problemsOnScreen(page, where)));

      // One level deeper: the first record of a list, or the first activity of the budget.
      const firstActivity = page.getByTestId('budget-activity').first();
      const firstRow = page.getByTestId('record-open').first();
      const opener = (await firstActivity.count()) ? firstActivity : (await firstRow.count()) ? firstRow : null;
      if (opener) {
        where = `${account} ${link.label} → first record`;
        await opener.click();
        await settle(page);
        problems.push(...(await problemsOnScreen(page, where)));
        await page.keyboard.press('Escape');
      }
    }
    expect(problems).toEqual([]);
  });
}
