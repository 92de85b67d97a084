import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { signIn } from './session';

/**
 * Every page of every role, as a new user meets it: each demo account signs in, opens every page its navigation
 * offers (and, where a page lists records or budget activities, the first one), in Thai and in English, on a laptop
 * (1366 px) and on a phone (360 px). Nothing may go wrong on the way: no error alert, no API answer outside 2xx, no
 * console error, no page wider than the screen, no code value or ISO date shown to a Thai reader, and (on the Thai
 * laptop pass, where axe runs) no serious or critical accessibility violation.
 *
 * English text does not depend on the role, so the English passes run for one account of each level (nation,
 * province, district), which between them reach every page; the other accounts walk in Thai on both screens.
 *
 * The Thai passes open each page from the navigation, as an officer clicks through the app (a third quicker than
 * loading the app anew for every page); the English passes load each page by its address, as a bookmark or a
 * shared link does.
 */
const ACCOUNTS = ['demo-admin', 'demo-province', 'demo-district', 'demo-chief', 'demo-committee', 'demo-district-2'] as const;
const IN_ENGLISH_TOO: readonly string[] = ['demo-admin', 'demo-province', 'demo-district'];
const PASSES = [
  { language: 'th', width: 1366, height: 800, axe: true, open: 'from the navigation' },
  { language: 'th', width: 360, height: 740, axe: false, open: 'from the navigation' },
  { language: 'en', width: 1366, height: 800, axe: false, open: 'by address' },
  { language: 'en', width: 360, height: 740, axe: false, open: 'by address' },
] as const;
type Pass = (typeof PASSES)[number];
const passesOf = (account: string) => PASSES.filter((p) => p.language === 'th' || IN_ENGLISH_TOO.includes(account));

/** API requests still on their way, counted per page: quicker to wait on than the network going idle for 500 ms. */
const inFlight = new WeakMap<Page, number>();
function countRequests(page: Page) {
  inFlight.set(page, 0);
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => isApi(r.url()) && inFlight.set(page, (inFlight.get(page) ?? 0) + 1));
  const done = (r: { url: () => string }) => isApi(r.url()) && inFlight.set(page, (inFlight.get(page) ?? 1) - 1);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Waits until no API request is on its way (twice, 100 ms apart: a screen may ask again) and no loader spins. */
async function settle(page: Page) {
  await page.waitForLoadState('domcontentloaded');
  for (let quietChecks = 0; quietChecks < 2; ) {
    await page.waitForTimeout(100);
    quietChecks = inFlight.get(page) === 0 ? quietChecks + 1 : 0;
  }
  await expect(page.locator('.mantine-Loader-root, .mantine-Skeleton-root')).toHaveCount(0, { timeout: 10_000 });
}

/**
 * What a Thai reader should never see: snake_case or camelCase codes, ISO dates, English words of the UI.
 * Data may hold Latin script (usernames, OTOP, SME, standards' abbreviations, product codes), so only these shapes count.
 */
export function codeValuesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+[A-Z][A-Za-z]+\b|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g))
    found.add(m[0]);
  // Lower-case English words are UI text or codes; usernames (demo-…), e-mail addresses and file names are data.
  for (const m of text.matchAll(/(?<![\w.@-])[a-z]{3,}(?![\w.@-])/g)) found.add(m[0]);
  return [...found];
}

/** Clicks the navigation's link to `href`, as a user does (the app routes without reloading); false when none. */
async function followNavLink(page: Page, href: string): Promise<boolean> {
  const clicked = await page.evaluate((href) => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('nav a[href]')].find((a) => a.getAttribute('href') === href);
    link?.click();
    return Boolean(link);
  }, href);
  if (clicked) await page.waitForURL((url) => url.pathname + url.search === href);
  return clicked;
}

async function problemsOnScreen(page: Page, where: string, pass: Pass): Promise<string[]> {
  const problems: string[] = [];
  for (const alert of await page.getByRole('alert').all()) {
    if (await alert.isVisible())
      problems.push(`${where}: error alert "${((await alert.textContent()) ?? '').replace(/\s+/g, ' ')}"`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push(`${where}: the page is ${overflow} px wider than the screen`);
  if (pass.language === 'th') {
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not hidden text of closed menus and dialogs.
    const text = await page.locator('main').innerText();
    const codes = codeValuesIn(text);
    if (codes.length) problems.push(`${where}: Latin-script code values in Thai mode: ${codes.join(', ')}`);
  }
  if (pass.axe) {
    for (const violation of await seriousAxeViolations(page)) problems.push(`${where}: axe ${violation}`);
  }
  return problems;
}

// Each account's pass (language and screen) is a test of its own, so the passes spread over the workers of the
// every-page project (playwright.config.ts) instead of one account walking four passes in a row.
test.describe.configure({ mode: 'parallel' });

for (const account of ACCOUNTS)
  for (const pass of passesOf(account)) {
    const screen = pass.width > 800 ? 'a laptop' : 'a phone';
    const language = pass.language === 'th' ? 'Thai' : 'English';
    test(`${account} opens every page in ${language} on ${screen} without an error, a failed request, an overflowing page${pass.language === 'th' ? ', a code value' : ''}${pass.axe ? ' or an accessibility violation' : ''}`, async ({
      page,
    }) => {
      test.setTimeout(420_000);
      const problems: string[] = [];
      let where = 'sign-in';
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.pathname.startsWith('/api/') && (response.status() < 200 || response.status() > 299))
          problems.push(`${where}: ${response.request().method()} ${url.pathname}${url.search} answered ${response.status()}`);
      });
      page.on('pageerror', (error) => problems.push(`${where}: page error ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${where}: console error ${message.text()}`);
      });

      countRequests(page);
      await signIn(page, account);
      // Hidden links count too: on a phone the navigation sits behind the menu button.
      const links = await page
        .locator('nav a[href]')
        .evaluateAll((as) =>
          as.map((a) => ({ href: (a as HTMLAnchorElement).getAttribute('href') ?? '', label: a.textContent ?? '' })),
        );
      expect(links.length).toBeGreaterThan(1);

      await page.setViewportSize({ width: pass.width, height: pass.height });
      await page.evaluate((language) => localStorage.setItem('thanrak.language', language), pass.language);
      for (const [index, link] of links.entries()) {
        where = `${account} ${pass.language} ${pass.width}px ${link.label} (${link.href})`;
        // The first page loads anew, in the pass's language.
        const fromNavigation = pass.open === 'from the navigation' && index > 0;
        if (!fromNavigation || !(await followNavLink(page, link.href))) await page.goto(link.href);
        await settle(page);
        problems.push(...(await problemsOnScreen(page, where, pass)));

        // One level deeper: the first record of a list, or the first activity of the budget.
        const firstActivity = page.getByTestId('budget-activity').first();
        const firstRow = page.getByTestId('record-open').first();
        const opener = (await firstActivity.count()) ? firstActivity : (await firstRow.count()) ? firstRow : null;
        if (opener && (await opener.isVisible())) {
          where = `${where} → first record`;
          await opener.click();
          await settle(page);
          problems.push(...(await problemsOnScreen(page, where, pass)));
          await page.keyboard.press('Escape');
        }
      }
      await page.evaluate(() => localStorage.removeItem('thanrak.language'));
      expect(problems).toEqual([]);
    });
  }
