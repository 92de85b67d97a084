import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

const ORDER = '901/2578';
let termUrl = '';

/** Picks an option of the Mantine Select labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, option: string) {
  await scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a district officer records a committee of 13 that passes, sees a warning without one agency representative, and downloads the order', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.getByRole('link', { name: 'คณะกรรมการศูนย์', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกคณะกรรมการชุดใหม่' }).first().click();
  await page.getByRole('textbox', { name: 'เลขที่คำสั่ง' }).fill(ORDER);
  await page.getByRole('textbox', { name: 'ผู้ลงนาม (นายอำเภอ)' }).fill('นายสมศักดิ์ รักษ์ถิ่น');
  // A term after the demo's current one, which it must not overlap.
  await page.getByRole('textbox', { name: 'วันเริ่มวาระ' }).fill('1/1/2579');
  await page.getByRole('textbox', { name: 'วันสิ้นสุดวาระ' }).fill('31/12/2580');
  for (let i = 0; i < 11; i++) await page.getByRole('button', { name: 'เพิ่มกรรมการ' }).click();
  const rows = page.getByTestId('member-row');
  await expect(rows).toHaveCount(13);
  for (let i = 0; i < 13; i++) {
    const row = rows.nth(i);
    await row.getByRole('textbox', { name: 'ชื่อ-นามสกุล (ถ้าไม่อยู่ในทะเบียน)' }).fill(`นายกรรมการ ลำดับที่${i + 1}`);
    if (i >= 2 && i <= 6) await choose(page, row, 'ประเภทกรรมการ', 'ผู้แทนหน่วยงาน');
  }
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();

  await expect(page.getByRole('heading', { name: `เลขที่คำสั่ง ${ORDER}` })).toBeVisible();
  termUrl = page.url();
  await expect(page.getByTestId('composition-panel')).toContainText('องค์ประกอบคณะกรรมการเป็นไปตามแนวทาง');

  // One agency representative leaves: the term is saved, with the warning in words.
  await page.getByRole('button', { name: 'แก้ไข', exact: true }).click();
  await page.getByTestId('member-row').nth(2).getByRole('button', { name: 'นำออก' }).click();
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByTestId('composition-panel')).toContainText('มีผู้แทนหน่วยงาน 4 คน ต้องมี 5 คน');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('order-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await expectNoSidewaysScroll(page, 'committee at 1366');
});

test('each member row keeps the person chosen in it while the others are chosen and rows are added', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.getByRole('link', { name: 'คณะกรรมการศูนย์', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกคณะกรรมการชุดใหม่' }).first().click();
  const rows = page.getByTestId('member-row');
  const personOf = (i: number) =>
    rows
      .nth(i)
      .getByRole('textbox', { name: 'บุคคลในทะเบียนของอำเภอ' })
      .or(rows.nth(i).getByRole('combobox', { name: 'บุคคลในทะเบียนของอำเภอ' }))
      .first();
  const chosen: string[] = [];
  for (const i of [0, 1]) {
    await personOf(i).click();
    const option = page.getByRole('option').nth(i);
    chosen.push(((await option.textContent()) ?? '').trim());
    await option.click();
  }
  expect(chosen[0]).not.toBe(chosen[1]);
  await page.getByRole('button', { name: 'เพิ่มกรรมการ' }).click();
  await expect(rows).toHaveCount(3);
  await expect(personOf(0)).toHaveValue(chosen[0]);
  await expect(personOf(1)).toHaveValue(chosen[1]);
  await expect(personOf(2)).toHaveValue('');
});

test('the committee pages fit a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'demo-district');
  await page.goto('/committees');
  await expect(page.getByText(ORDER).first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'committee list at 360');
  await page.goto(termUrl);
  await expect(page.getByTestId('composition-panel')).toContainText('มีผู้แทนหน่วยงาน 4 คน ต้องมี 5 คน');
  await expectNoSidewaysScroll(page, 'committee at 360');
  await page.getByRole('button', { name: 'แก้ไข', exact: true }).click();
  await expect(page.getByTestId('member-row').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'committee form at 360');
  await page.goto('/');
  await expect(page.getByTestId('center-profile')).toContainText('จันทร์–ศุกร์ 08.30–16.30 น.');
  await expectNoSidewaysScroll(page, 'center profile at 360');
});
