import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { seriousAxeViolations } from './axe';
import { signIn } from './session';

test.describe.configure({ mode: 'serial' });

/** Picks an option of a Mantine Select or MultiSelect by its label. */
async function choose(page: Page, label: string, option: string | RegExp, scope = page.getByRole('dialog')) {
  await scope
    .getByRole('combobox', { name: label, exact: true })
    .or(scope.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

const inDays = (days: number) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`;
};

const WISDOM = 'การทอผ้าขิดหมอนอิงบ้านปากน้ำ';
const GROUP = 'กลุ่มทอผ้าขิดบ้านปากน้ำ';
const PRODUCT = 'หมอนอิงผ้าขิดลายดอกแก้ว';
const CERT = 'มผช. 31/2570';
let certifiedBefore = 0;

test('a district officer takes local wisdom all the way to a certified OTOP product', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/pipeline');
  certifiedBefore = Number(await page.getByTestId('count-strengthened').textContent());

  // 1. Wisdom item with a photo.
  await page.getByRole('link', { name: 'คลังภูมิปัญญา' }).click();
  await page.getByRole('button', { name: 'เพิ่มภูมิปัญญา', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill(WISDOM);
  await choose(page, 'สาขาภูมิปัญญา', 'อุตสาหกรรมและหัตถกรรม');
  await dialog.getByLabel('รายละเอียด').fill('ลายขิดดอกแก้วที่ทอสืบกันมาในบ้านปากน้ำ');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByRole('heading', { level: 1, name: WISDOM })).toBeVisible();
  const photo = {
    name: 'ผ้าขิด.png',
    mimeType: 'image/png',
    buffer: await sharp({ create: { width: 800, height: 600, channels: 3, background: '#b5651d' } })
      .png()
      .toBuffer(),
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'อัปโหลดรูปหรือ PDF' }).click();
  await (await chooser).setFiles(photo);
  await expect(page.getByRole('img', { name: 'ผ้าขิด.png' })).toBeVisible();

  // 2. A group formed from it with three members.
  await page.getByRole('link', { name: 'กลุ่มอาชีพ' }).click();
  await page.getByRole('button', { name: 'เพิ่มกลุ่มอาชีพ', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill(GROUP);
  await choose(page, 'ภูมิปัญญาที่ใช้', WISDOM);
  await page.keyboard.press('Escape');
  for (let i = 0; i < 3; i++) {
    await dialog
      .getByRole('combobox', { name: 'สมาชิก', exact: true })
      .or(dialog.getByRole('textbox', { name: 'สมาชิก', exact: true }))
      .first()
      .click();
    await page.getByRole('option').nth(i).click();
  }
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('combobox', { name: /^ตำแหน่ง/ })).toHaveCount(3);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
  await expect(page.getByTestId('group-stage')).toHaveText('รวมกลุ่มอาชีพ');
  const groupUrl = page.url();

  // 3. OTOP registration.
  await page.getByRole('link', { name: 'ผู้ผลิต OTOP' }).click();
  await page.getByRole('button', { name: 'เพิ่มผู้ผลิต OTOP', exact: true }).click();
  await choose(page, 'ผู้ลงทะเบียน', GROUP);
  await dialog.getByLabel('เลขทะเบียน').fill('OTOP-3401-E2E');
  for (const label of [
    'ชุมชนมีส่วนร่วม (ผลิต บริหาร หรือได้รับประโยชน์)',
    'สถานที่ผลิตอยู่ในอำเภอนี้',
    'ผู้ผลิตและสมาชิกมีสัญชาติไทย',
    'ได้รับเอกสารประกอบครบ',
  ]) {
    await dialog.getByLabel(label).check();
  }
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'OTOP-3401-E2E' })).toBeVisible();

  // 4. A product, and a มผช. certificate expiring in 30 days.
  await page.getByRole('link', { name: 'ผลิตภัณฑ์', exact: true }).click();
  await page.getByRole('button', { name: 'เพิ่มผลิตภัณฑ์', exact: true }).click();
  await choose(page, 'ผู้ผลิต', new RegExp(GROUP));
  await dialog.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill(PRODUCT);
  await choose(page, 'ประเภทผลิตภัณฑ์', 'ผ้า เครื่องแต่งกาย');
  await dialog.getByLabel('ราคา (บาท)').fill('450');
  await dialog.getByRole('button', { name: 'เพิ่มผลการคัดสรร OPC' }).click();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('ค้นหา').fill('ขิด');
  await expect(page.getByRole('cell', { name: PRODUCT })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(PRODUCT) })).toContainText('★★★');

  await page.getByRole('link', { name: 'มาตรฐานผลิตภัณฑ์' }).click();
  await page.getByRole('button', { name: 'เพิ่มใบรับรองมาตรฐาน', exact: true }).click();
  await choose(page, 'ผลิตภัณฑ์', new RegExp(PRODUCT));
  await choose(page, 'มาตรฐาน', 'มผช.');
  await dialog.getByLabel('เลขที่ใบรับรอง').fill(CERT);
  await dialog.getByLabel('หน่วยงานที่ออก').fill('สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม');
  await dialog.getByLabel('วันหมดอายุ').fill(inDays(30));
  await dialog.getByLabel('วันหมดอายุ').press('Tab');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toBeHidden();

  // 5. Expiring soon, the pipeline count and the group's timeline all show it.
  await page.getByText('ใกล้หมดอายุ', { exact: true }).click();
  await expect(page.getByRole('cell', { name: CERT })).toBeVisible();
  await page.goto('/pipeline');
  await expect(page.getByTestId('count-strengthened')).toHaveText(String(certifiedBefore + 1));
  await page.goto(groupUrl);
  await expect(page.getByTestId('group-stage')).toHaveText('ได้รับการพัฒนา');
  await expect(page.getByTestId('group-evidence').getByText('ลงทะเบียน OTOP', { exact: true })).toBeVisible();
  await expect(page.getByText('ได้รับบริการ การอบรม หรือใบรับรองมาตรฐาน').first()).toBeVisible();
});

test('the province sees the new group in its funnel; another district does not', async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto('/pipeline?unit=34');
  await expect(page.getByTestId('count-strengthened')).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByTestId('stage-strengthened').click();
  await expect(page).toHaveURL(/stage=strengthened/);
  await page.getByLabel('ค้นหา').fill('ปากน้ำ');
  await expect(page.getByRole('cell', { name: GROUP })).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).click();
  await signIn(page, 'demo-district-2');
  await page.goto('/groups');
  await page.getByLabel('ค้นหา').fill('ปากน้ำ');
  await expect(page.getByText('ไม่พบข้อมูล')).toBeVisible();
  await page.goto('/certifications');
  await expect(page.getByRole('cell', { name: CERT })).toHaveCount(0);
});
