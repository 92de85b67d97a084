import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

// Digits only: a stamp of Latin letters alone would read as an untranslated word to the every-page check.
const stamp = String(Date.now()).slice(-8);
const GROUP = `กลุ่มแปรรูปกล้วยบ้านดอนแผน ${stamp}`;
const PROJECT = `ส่งเสริมการขายกล้วยอบออนไลน์ ${stamp}`;

/** Today in Bangkok as the app dates things (ISO). */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const fiscalYear = () => {
  const [year, month] = today().split('-').map(Number);
  return (month >= 10 ? year + 1 : year) + 543;
};

/** Picks an option of a Select or MultiSelect in the dialog by its label (a MultiSelect's list is closed with Escape). */
async function choose(page: Page, label: string, option: string | RegExp, multi = false, within = page.getByRole('dialog')) {
  await within
    .getByRole('combobox', { name: label, exact: true })
    .or(within.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
  if (multi) await page.keyboard.press('Escape');
}

let groupUrl = '';
let planUrl = '';

test('a district officer analyses a group’s needs, adds a project for it to this year’s plan and reports progress', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  // A group newly formed: nothing proves a later stage yet.
  const made = await page.request.post('/api/groups', {
    data: { orgUnitCode: '3401', name: GROUP, foundedOn: '2025-06-01' },
  });
  expect(made.status(), await made.text()).toBe(201);
  groupUrl = `/groups/${(await made.json()).id}?unit=3401`;
  await page.goto(groupUrl);
  await expect(page.getByTestId('group-stage')).toHaveText('รวมกลุ่มอาชีพ');

  // The needs analysis: two rows, one added with the button, then one removed and added again.
  const needs = page.getByTestId('group-needs');
  await needs.getByRole('button', { name: 'บันทึกการวิเคราะห์' }).click();
  const dialog = page.getByRole('dialog');
  const rows = dialog.getByTestId('need-row');
  await choose(page, 'ด้าน', 'การตลาด', false, rows.nth(0));
  await choose(page, 'ลำดับความสำคัญ', 'สำคัญมาก', false, rows.nth(0));
  await rows.nth(0).getByRole('textbox', { name: 'ปัญหา' }).fill('ขายได้เฉพาะในหมู่บ้าน');
  await rows.nth(0).getByRole('textbox', { name: 'ความต้องการ' }).fill('ช่องทางขายออนไลน์');
  await dialog.getByRole('button', { name: 'เพิ่มข้อ' }).click();
  await expect(rows).toHaveCount(2);
  await dialog.getByRole('button', { name: 'ลบข้อ 2' }).click();
  await expect(rows).toHaveCount(1);
  await dialog.getByRole('button', { name: 'เพิ่มข้อ' }).click();
  // A row left empty is named under its fields, and nothing is sent.
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toBeVisible();
  await choose(page, 'ด้าน', 'คุณภาพและมาตรฐาน', false, rows.nth(1));
  await rows.nth(1).getByRole('textbox', { name: 'ปัญหา' }).fill('ยังไม่มีมาตรฐาน มผช.');
  await rows.nth(1).getByRole('textbox', { name: 'ความต้องการ' }).fill('คำแนะนำการยื่นขอ มผช.');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(needs).toContainText('ช่องทางขายออนไลน์');
  await expect(needs).toContainText('สำคัญมาก');
  await expect(page.getByTestId('group-stage')).toHaveText('วิเคราะห์ความต้องการ');

  // This year's short-term plan: a project for the group.
  await page.getByRole('link', { name: 'แผนพัฒนา', exact: true }).click();
  await page
    .getByRole('button', { name: `แผนพัฒนาศูนย์บริการฯ ระยะสั้น ปีงบประมาณ ${fiscalYear()}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/plans\/\d+/);
  planUrl = page.url();
  await expect(page.getByTestId('plan-lessons')).toContainText(`ปีงบประมาณ ${fiscalYear() - 1}`);
  await page.getByRole('button', { name: 'เพิ่มโครงการ' }).click();
  await dialog.getByRole('textbox', { name: 'ชื่อโครงการ' }).fill(PROJECT);
  await dialog.getByRole('textbox', { name: 'วัตถุประสงค์' }).fill('ให้กลุ่มขายกล้วยอบผ่านร้านค้าออนไลน์');
  await choose(page, 'กลุ่มอาชีพเป้าหมาย', GROUP, true);
  await dialog.getByRole('textbox', { name: 'งบประมาณ (บาท)' }).fill('15,000.50');
  await dialog.getByRole('textbox', { name: 'ตัวชี้วัด' }).fill('เปิดร้านค้าออนไลน์ได้ 1 ร้าน');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const project = page.getByTestId('plan-project').filter({ hasText: PROJECT });
  await expect(project).toContainText('15,000.50');
  await expect(project).toContainText('ยังไม่มีรายงานความก้าวหน้า');

  // Progress: 40 % today.
  await project.getByRole('button', { name: 'รายงานความก้าวหน้า' }).click();
  await dialog.getByRole('textbox', { name: 'ความก้าวหน้า (ร้อยละ)' }).fill('40');
  await dialog.getByRole('textbox', { name: 'ผลการดำเนินงาน' }).fill('อบรมถ่ายภาพสินค้าและเปิดร้านค้าแล้ว');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(project).toContainText('ร้อยละ 40');

  // The project's page shows the group's latest needs; the group's page shows the project and its progress.
  await project.getByRole('link', { name: PROJECT }).click();
  await expect(page).toHaveURL(/\/plans\/projects\/\d+/);
  await expect(page.getByText('ช่องทางขายออนไลน์')).toBeVisible();
  await expect(page.getByTestId('project-updates')).toContainText('อบรมถ่ายภาพสินค้า');
  await page.getByRole('link', { name: GROUP }).click();
  const plans = page.getByTestId('group-plans');
  await expect(plans).toContainText(PROJECT);
  await expect(plans).toContainText('ร้อยละ 40');
});

for (const language of ['th', 'en'] as const)
  test.describe(`on a 360 px phone in ${language === 'th' ? 'Thai' : 'English'}`, () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('the plans, a plan, a project, needs, lessons and the group page fit the screen', async ({ page }) => {
      await signIn(page, 'demo-district');
      await page.evaluate((l) => localStorage.setItem('thanrak.language', l), language);
      const pages = ['/plans?unit=3401', planUrl, '/needs?unit=3401', '/lessons?unit=3401', groupUrl];
      for (const url of pages.filter(Boolean)) {
        await page.goto(url);
        await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page, url);
      }
      await page.goto(planUrl || '/plans?unit=3401');
      const card = page.getByTestId('plan-project').first();
      if (planUrl) {
        await card.getByRole('link').first().click();
        await expect(page).toHaveURL(/\/plans\/projects\/\d+/);
        await expect(page.getByTestId('project-updates')).toBeVisible();
        await expectNoSidewaysScroll(page, 'a project');
      }
      await page.evaluate(() => localStorage.removeItem('thanrak.language'));
    });
  });
