import { expect, type Page, test } from '@playwright/test';
import { signIn } from './session';

test.describe.configure({ mode: 'serial' });

const GROUP = `กลุ่มจักสานกระติบข้าว ${Date.now() % 100_000}`;
const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

/** `months` before this one in Bangkok, as the month picker names it ("ตุลาคม 2569"). */
function monthName(back: number) {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${THAI_MONTHS[index % 12]} ${Math.floor(index / 12) + 543}`;
}

/** Picks an option of a Mantine Select in the dialog by its label. */
async function choose(page: Page, label: string, option: string | RegExp) {
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: label, exact: true })
    .or(dialog.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

async function openGroup(page: Page) {
  await page.getByRole('link', { name: 'กลุ่มอาชีพ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'กลุ่มอาชีพ', level: 1 })).toBeVisible();
  await page.getByRole('row').filter({ hasText: GROUP }).getByTestId('record-open').click();
  await expect(page.getByRole('heading', { name: GROUP })).toBeVisible();
}

test('a district officer enters two months of sales for a new group and sees them charted on its page', async ({ page }) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'กลุ่มอาชีพ', exact: true }).click();
  await page.getByRole('button', { name: 'เพิ่มกลุ่มอาชีพ' }).first().click();
  await dialog.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill(GROUP);
  await dialog.getByRole('textbox', { name: 'วันที่ก่อตั้ง' }).fill('1/6/2568');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('link', { name: 'ยอดขาย', exact: true }).click();
  await expect(page.getByTestId('sales-chart')).toBeVisible();
  for (const [back, amount] of [
    [1, '12,500'],
    [0, '18000.50'],
  ] as const) {
    await page.getByRole('button', { name: 'บันทึกยอดขาย' }).first().click();
    await choose(page, 'กลุ่มอาชีพ', GROUP);
    await choose(page, 'ช่องทางจำหน่าย', 'ตลาดชุมชน');
    await choose(page, 'เดือน', monthName(back));
    await dialog.getByRole('textbox', { name: 'ยอดขาย (บาท)' }).fill(amount);
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await expect(dialog).toHaveCount(0);
  }
  // The same month again is refused with the way out.
  await page.getByRole('button', { name: 'บันทึกยอดขาย' }).first().click();
  await choose(page, 'กลุ่มอาชีพ', GROUP);
  await choose(page, 'ช่องทางจำหน่าย', 'ตลาดชุมชน');
  await dialog.getByRole('textbox', { name: 'ยอดขาย (บาท)' }).fill('1');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog.getByText('กรุณาแก้ไขรายการเดิมแทนการบันทึกซ้ำ')).toBeVisible();
  await dialog.getByRole('button', { name: 'ยกเลิก' }).click();

  await openGroup(page);
  await expect(page.getByTestId('group-stage')).toContainText('เข้าถึงตลาด');
  const sales = page.getByTestId('group-sales');
  await expect(sales.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(sales.getByTestId('sales-table')).toContainText('12,500.00');
  await expect(sales.getByTestId('sales-table')).toContainText('18,000.50');
  await expect(sales).toContainText('รวม 30,500.50 บาท');
});

test('a committee member records an income increase read from the sales', async ({ page }) => {
  await signIn(page, 'demo-committee');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'ผลลัพธ์', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกผลลัพธ์' }).first().click();
  await choose(page, 'กลุ่มอาชีพ', GROUP);
  await expect(dialog.getByTestId('income-preview')).toContainText('ช่วงก่อน 0.00 บาท');
  await dialog.getByRole('textbox', { name: 'รายละเอียด' }).fill('รายได้เพิ่มขึ้นหลังเริ่มขายที่ตลาดชุมชน');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: GROUP });
  await expect(row).toContainText('รอการรับรอง');
});

test('the district officer verifies it from "my tasks", and an approved loan gives the group funding access', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page
    .getByTestId('my-tasks')
    .getByRole('link', { name: /ผลลัพธ์รอให้คุณรับรอง/ })
    .click();
  await page.getByRole('row').filter({ hasText: GROUP }).getByTestId('record-open').click();
  await dialog.getByRole('button', { name: 'รับรองผลลัพธ์' }).click();
  await expect(dialog.getByTestId('outcome-status')).toHaveText('รับรองแล้ว');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'แหล่งทุน', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกคำขอแหล่งทุน' }).first().click();
  await choose(page, 'กลุ่มอาชีพ', GROUP);
  await choose(page, 'แหล่งทุน', /ธ\.ก\.ส\./);
  await dialog.getByRole('textbox', { name: 'วัตถุประสงค์' }).fill('สินเชื่อซื้อไม้ไผ่และเครื่องจักสาน');
  await dialog.getByRole('textbox', { name: 'วงเงินที่ขอ (บาท)' }).fill('50000');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: GROUP });
  await row.getByRole('button', { name: 'บันทึกผลการพิจารณา' }).click();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId('funding-status')).toHaveText('อนุมัติ');

  await openGroup(page);
  await expect(page.getByTestId('group-stage')).toContainText('เข้าถึงแหล่งทุน');
  await expect(page.getByTestId('group-funding')).toContainText('อนุมัติ');
  await expect(page.getByTestId('group-outcomes')).toContainText('รับรองแล้ว');
});
