import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { expectNoSidewaysScroll } from './session';

/**
 * The public portal as a visitor meets it, without signing in (issue #15): finding silk from Ubon Ratchathani in the
 * catalog with its filters, opening a product to see its certificate and the producer's contact, on a laptop and on
 * a 360 px phone; and the portal's pages free of serious or critical accessibility violations (axe). The pages run
 * no script, so what is checked is the server's HTML as the browser shows it.
 */

async function findUbonSilk(page: Page) {
  await page.goto('/portal');
  await page.getByRole('link', { name: 'ดูสินค้า OTOP ทั้งหมด' }).click();
  await expect(page).toHaveURL(/\/portal\/products$/);
  await page.getByLabel('ค้นหาสินค้า OTOP').fill('ผ้าไหม');
  await page.getByLabel('ประเภทสินค้า').selectOption({ label: 'ผ้า เครื่องแต่งกาย' });
  await page.getByLabel('จังหวัด').selectOption({ label: 'อุบลราชธานี' });
  await page.getByRole('button', { name: 'ค้นหา' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('สินค้า OTOP จังหวัดอุบลราชธานี');
  await expect(page.getByRole('status')).toHaveText('ผลการค้นหา “ผ้าไหม”');
  // The districts of the province are offered once it is chosen: narrow to the provincial seat.
  await page.getByLabel('อำเภอ').selectOption({ label: 'เมืองอุบลราชธานี' });
  await page.getByRole('button', { name: 'ค้นหา' }).click();
  await expect(page).toHaveURL(/district=3401/);
  const cards = page.locator('.card h3 a');
  await expect(cards.first()).toBeVisible();
  for (const name of await cards.allTextContents()) expect(name).toContain('ผ้าไหม');
  await page.getByRole('link', { name: 'ผ้าไหมหางกระรอกย้อมคราม' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ผ้าไหมหางกระรอกย้อมคราม');
  await expect(page.getByText('2,850.00 บาท ต่อผืน')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'มาตรฐานที่ได้รับการรับรอง' })).toBeVisible();
  await expect(page.getByText('มผช. 12/2567-3401')).toBeVisible();
  await expect(page.getByText('หน้าร้านผ้าไหมแม่คำแพง โทร 045-244-871 · เพจ ผ้าไหมแม่คำแพง')).toBeVisible();
  await expect(page.getByText('ช่องทางออนไลน์')).toBeVisible();
  await expect(page.getByRole('img', { name: /ผ้าไหมหางกระรอกย้อมคราม — ภาพประกอบ 1/ })).toBeVisible();
  expect(await page.locator('script').count()).toBe(0);
}

test.describe('the public portal', () => {
  test('a visitor finds silk from Ubon Ratchathani in the catalog and sees its certificate and the contact', async ({ page }) => {
    await findUbonSilk(page);
    await expectNoSidewaysScroll(page, 'product page');
    // The same page in English keeps the visitor where they were.
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Certified standards' })).toBeVisible();
    await expect(page.getByText('2,850.00 baht per ผืน')).toBeVisible();
  });

  test('the same on a 360 px phone, nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await findUbonSilk(page);
    await expectNoSidewaysScroll(page, 'product page at 360 px');
    await page.goBack();
    await expectNoSidewaysScroll(page, 'catalog at 360 px');
  });

  test('home, catalog, product, wisdom, centers and a center page have no serious or critical axe violation', async ({
    page,
  }) => {
    await page.goto(`/portal/products?q=${encodeURIComponent('ผ้าไหม')}&province=34`);
    const product = await page.locator('.card h3 a').first().getAttribute('href');
    await page.goto('/portal/wisdom?district=3401');
    const wisdom = await page.locator('.card h3 a').first().getAttribute('href');
    const pages = [
      '/portal',
      '/portal?lang=en',
      `/portal/products?q=${encodeURIComponent('ผ้าไหม')}&province=34&district=3401`,
      product!,
      '/portal/wisdom?province=34',
      wisdom!,
      '/portal/centers',
      '/portal/centers?province=34',
      '/portal/centers/3401',
      '/portal/wisdom/0',
    ];
    const problems: string[] = [];
    for (const width of [1366, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of pages) {
        await page.goto(url);
        if (width === 360) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${url} at 360 px: ${overflow} px wider than the screen`);
          continue;
        }
        for (const violation of await seriousAxeViolations(page)) problems.push(`${url}: axe ${violation}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
