import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

/** Picks an option of a Mantine Select or MultiSelect in the dialog by its label; returns the option's text. */
async function choose(page: Page, label: string, option: string | number, multi = true) {
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: label, exact: true })
    .or(dialog.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  const chosen =
    typeof option === 'number' ? page.getByRole('option').nth(option) : page.getByRole('option', { name: option }).first();
  const text = ((await chosen.textContent()) ?? '').trim();
  await chosen.click();
  if (multi) await page.keyboard.press('Escape');
  return text;
}

/** A day as typed in the date field (d/m/BE year), `days` from today in Bangkok. */
const typedDay = (days: number) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`;
};

const MARKET = 'ตลาดนัดสินค้าชุมชนริมแม่น้ำมูล';
const TRAINING = 'อบรมการถ่ายภาพสินค้าด้วยโทรศัพท์มือถือ';

/** Opens the activity named `title` from the list of activities. */
async function openActivity(page: Page, title: string) {
  await page.getByRole('textbox', { name: 'ค้นหาชื่อกิจกรรม สถานที่' }).fill(title);
  await page.getByTestId('record-open').filter({ hasText: title }).first().click();
  await expect(page).toHaveURL(/\/activities\/\d+/);
  // The list stays on screen until the record's page has loaded; wait for its heading.
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('a district officer records a market event with two groups and their sales on two days, and sees the totals', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.getByRole('link', { name: 'กิจกรรมและการอบรม', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกกิจกรรม' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'ประเภทกิจกรรม', 'ตลาดและงานแสดงสินค้า', false);
  await choose(page, 'ประเภทตลาดหรืองาน', 'ตลาดชุมชน', false);
  await dialog.getByRole('textbox', { name: 'ชื่อกิจกรรม' }).fill(MARKET);
  await dialog.getByLabel('วันเริ่ม').fill(typedDay(-1));
  await dialog.getByLabel('วันเริ่ม').press('Tab');
  await dialog.getByRole('textbox', { name: 'สถานที่' }).fill('ลานริมแม่น้ำมูล');
  const first = await choose(page, 'กลุ่มที่เข้าร่วม', 0);
  const second = await choose(page, 'กลุ่มที่เข้าร่วม', 1);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);

  await openActivity(page, MARKET);
  await page.getByRole('button', { name: 'บันทึกยอดขาย' }).click();
  const grid = page.getByTestId('sales-grid');
  const amount = (group: string, day: number) => grid.getByRole('textbox', { name: `ยอดขาย (บาท) ${group}` }).nth(day);
  await amount(first, 0).fill('1,500');
  await amount(first, 1).fill('2250.50');
  await amount(second, 0).fill('800');
  await amount(second, 1).fill('1200');
  await grid
    .getByRole('textbox', { name: `จำนวนที่ขายได้ ${first}` })
    .first()
    .fill('12');
  await grid.getByRole('button', { name: 'บันทึกยอดขาย' }).click();

  await expect(page.getByTestId('sales-total')).toHaveText('ยอดขายรวมทั้งงาน 5,750.50 บาท');
  const row = (group: string) => grid.getByRole('row').filter({ hasText: group });
  await expect(row(first)).toContainText('3,750.50');
  await expect(row(second)).toContainText('2,000.00');
  const totals = grid.getByRole('row').last();
  await expect(totals).toContainText('2,300.00');
  await expect(totals).toContainText('3,450.50');

  // The group's page shows the event and what it sold there.
  await page.getByRole('link', { name: first, exact: true }).click();
  await expect(page).toHaveURL(/\/groups\/\d+/);
  await expect(page.getByTestId('group-activities')).toContainText(MARKET);
  await expect(page.getByTestId('group-activities')).toContainText('ขายได้ 3,750.50 บาท');
});

test('a district officer records a training on a knowledge topic and ticks who attended', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/activities');
  await page.getByRole('button', { name: 'บันทึกกิจกรรม' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'หัวข้อองค์ความรู้', 'ความรู้: การตลาด', false);
  await dialog.getByRole('textbox', { name: 'ชื่อกิจกรรม' }).fill(TRAINING);
  await dialog.getByRole('textbox', { name: 'สถานที่' }).fill('ห้องประชุมศูนย์บริการฯ');
  await choose(page, 'กลุ่มที่เข้าร่วม', 0);
  const absent = await choose(page, 'ผู้เข้าร่วม (บุคคล)', 0);
  for (const n of [1, 2]) await choose(page, 'ผู้เข้าร่วม (บุคคล)', n);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);

  await openActivity(page, TRAINING);
  await expect(page.getByText('การอบรม · ความรู้: การตลาด')).toBeVisible();
  await expect(page.getByTestId('attended-count')).toHaveText('มา 3 จาก 3 คน');
  await page.getByRole('checkbox', { name: absent }).uncheck();
  await page.getByRole('button', { name: 'บันทึกการเข้าร่วม' }).click();
  await expect(page.getByRole('button', { name: 'บันทึกการเข้าร่วม' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('attended-count')).toHaveText('มา 2 จาก 3 คน');
  await expect(page.getByRole('checkbox', { name: absent })).not.toBeChecked();
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const language of ['th', 'en'] as const)
    test(`activities, a market event's sales and their entry fit the screen in ${language === 'th' ? 'Thai' : 'English'}`, async ({
      page,
    }) => {
      await signIn(page, 'demo-district');
      await page.evaluate((l) => localStorage.setItem('thanrak.language', l), language);
      await page.goto('/activities');
      await expect(page.getByTestId('record-card').first()).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
      await expectNoSidewaysScroll(page);
      await page.getByRole('textbox').first().fill(MARKET);
      await page.getByTestId('record-card').filter({ hasText: MARKET }).first().click();
      await expect(page).toHaveURL(/\/activities\/\d+/);
      await expect(page.getByTestId('sales-total')).toContainText('5,750.50');
      await expectNoSidewaysScroll(page);
      await page.getByTestId('sales-grid').getByRole('button').first().click();
      // On a phone each group's day is a card of its own.
      await expect(page.getByTestId('sales-grid').locator('.mantine-Card-root')).toHaveCount(4);
      await expectNoSidewaysScroll(page);
    });
});
