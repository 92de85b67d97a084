import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

/**
 * Issue #11's journey: demo-district completes its committee (the demo's term is one agency representative short),
 * holds this quarter's meeting, records this month's activity with a partner and sends the quarter's report;
 * demo-province sees 3401 meet the quarter's indicators in its completeness matrix, approves and locks the quarter;
 * demo-district can no longer change an activity of that quarter; demo-admin finds Ubon on the national map; and
 * demo-province unlocks the quarter with a reason, so the specs after this one can still write today.
 */
test.describe.configure({ mode: 'serial' });

const ACTIVITY = 'อบรมเชิงปฏิบัติการพัฒนาบรรจุภัณฑ์ร่วมกับมหาวิทยาลัย';
const NARRATIVE = 'ศูนย์ฯ ปรับองค์ประกอบคณะกรรมการให้ครบ ประชุมคณะกรรมการ และจัดอบรมบรรจุภัณฑ์ร่วมกับภาคีเครือข่าย';
let reportUrl = '';
let activityUrl = '';

/** Picks an option of a Mantine Select or MultiSelect labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string | number, multi = false) {
  await scope
    .getByRole('combobox', { name: label, exact: true })
    .or(scope.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  const chosen =
    typeof option === 'number' ? page.getByRole('option').nth(option) : page.getByRole('option', { name: option, exact: true });
  await chosen.first().click();
  if (multi) await page.keyboard.press('Escape');
}

/** The cell of district 3401 in the completeness matrix whose name mentions `indicator` (and `period`, if given). */
const matrixCell = (page: Page, indicator: string, period = '') =>
  page
    .getByTestId('completeness-matrix')
    .first()
    .locator('tr[data-unit="3401"]')
    .getByRole('button', { name: new RegExp(`${indicator}.*${period}`) })
    .first();

test('the district completes its committee, holds the meeting, records an activity with a partner and reports', async ({
  page,
}) => {
  await signIn(page, 'demo-district');

  // The committee in force is one agency representative short, so the center does not meet that indicator yet.
  const before = await (await page.request.get('/api/indicators?unit=3401')).json();
  expect(before.indicators.committee_valid).toBe('missing');
  await page.getByRole('link', { name: 'คณะกรรมการศูนย์', exact: true }).click();
  await page.getByText('215/2569').first().click();
  const panel = page.getByTestId('composition-panel');
  await expect(panel).toContainText('มีผู้แทนหน่วยงาน 4 คน ต้องมี 5 คน');
  await page.getByRole('button', { name: 'แก้ไข', exact: true }).click();
  await page.getByRole('button', { name: 'เพิ่มกรรมการ' }).click();
  const added = page.getByTestId('member-row').last();
  await added.getByRole('textbox', { name: 'ชื่อ-นามสกุล (ถ้าไม่อยู่ในทะเบียน)' }).fill('นางสาวพรทิพย์ ใจงาม');
  await choose(page, added, 'ประเภทกรรมการ', 'ผู้แทนหน่วยงาน');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(panel).toContainText('องค์ประกอบคณะกรรมการเป็นไปตามแนวทาง');
  await expect(page.getByTestId('member-row')).toHaveCount(0);
  await expect(page.getByText('นางสาวพรทิพย์ ใจงาม')).toBeVisible();

  // This quarter's meeting: planned for today with every member invited, then recorded as held.
  await page.getByRole('link', { name: 'การประชุมคณะกรรมการ', exact: true }).click();
  await page.getByRole('button', { name: 'นัดประชุม' }).first().click();
  await page.getByRole('textbox', { name: 'สถานที่' }).fill('ห้องประชุมที่ว่าการอำเภอเมืองอุบลราชธานี');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+/);
  await page.getByRole('button', { name: 'บันทึกผลการประชุม' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('quorum-live')).toContainText('ครบองค์ประชุม');
  await dialog.getByRole('textbox', { name: 'ผู้จดรายงานการประชุม' }).fill('นางสาวจดบันทึก ตั้งใจ');
  await dialog.getByRole('textbox', { name: 'ผู้ตรวจรายงานการประชุม' }).fill('นายตรวจทาน ถูกต้อง');
  await dialog.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('quorum-badge')).toHaveText('ครบองค์ประชุม');

  // This month's strengthening activity, with a partner.
  await page.getByRole('link', { name: 'กิจกรรมและการอบรม', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกกิจกรรม' }).first().click();
  await choose(page, dialog, 'ประเภทกิจกรรม', 'พัฒนาศักยภาพกลุ่ม');
  await dialog.getByRole('textbox', { name: 'ชื่อกิจกรรม' }).fill(ACTIVITY);
  await dialog.getByRole('textbox', { name: 'สถานที่' }).fill('ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก');
  await choose(page, dialog, 'ภาคีเครือข่ายที่ร่วม', 0, true);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('textbox', { name: 'ค้นหาชื่อกิจกรรม สถานที่' }).fill(ACTIVITY);
  await page.getByTestId('record-open').filter({ hasText: ACTIVITY }).first().click();
  await expect(page).toHaveURL(/\/activities\/\d+/);
  activityUrl = page.url();

  // The quarter's report, its figures taken from the records as it is sent.
  await page.getByRole('link', { name: 'รายงานรายไตรมาส', exact: true }).click();
  await page.getByRole('button', { name: 'เริ่มรายงานไตรมาส' }).first().click();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page).toHaveURL(/\/reports\/\d+/);
  reportUrl = page.url();
  await page.getByRole('button', { name: 'แก้ไข', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'ผลการดำเนินงานโดยสรุป' }).fill(NARRATIVE);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  // Sending asks first, with the figures it will carry; this quarter has not ended, and the dialog says so.
  await page.getByRole('button', { name: 'ส่งให้จังหวัด' }).click();
  await expect(dialog.getByTestId('submit-not-ended')).toContainText('ไตรมาสนี้ยังไม่สิ้นสุด');
  await expect(dialog.getByTestId('report-figures').getByText('ประชุมคณะกรรมการครบองค์ประชุมทุกไตรมาส')).toBeVisible();
  await expect(page.getByText('รอจังหวัดพิจารณา', { exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'ส่งให้จังหวัด' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('รอจังหวัดพิจารณา', { exact: true })).toBeVisible();
  await expect(page.getByTestId('report-figures').getByText('ประชุมคณะกรรมการครบองค์ประชุมทุกไตรมาส')).toBeVisible();
});

test('the province sees 3401 meet the quarter, approves the report and locks the quarter', async ({ page }) => {
  await signIn(page, 'demo-province');
  // The province's first screen carries the matrix of the current quarter.
  await expect(page.getByTestId('province-matrix')).toBeVisible();
  await expect(matrixCell(page, 'คณะกรรมการศูนย์ครบองค์ประกอบ')).toHaveAttribute('data-status', 'met');
  await expect(matrixCell(page, 'ประชุมคณะกรรมการครบองค์ประชุมทุกไตรมาส')).toHaveAttribute('data-status', 'met');
  const thisMonth = new Intl.DateTimeFormat('th-TH', { month: 'short', timeZone: 'Asia/Bangkok' }).format(new Date());
  await expect(matrixCell(page, 'จัดกิจกรรมร่วมกับภาคีเครือข่ายทุกเดือน', thisMonth)).toHaveAttribute('data-status', 'met');
  await expect(matrixCell(page, 'มีแนวทางการดำเนินงานที่เป็นรูปธรรม')).toHaveAttribute('data-status', 'met');

  await page.goto(reportUrl);
  await expect(page.getByText(NARRATIVE)).toBeVisible();
  // Returning without a comment says what is missing, in words, not a red border alone.
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: 'ส่งกลับแก้ไข' }).click();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog.getByText('กรุณาระบุความเห็นว่าให้แก้ไขอะไร')).toBeVisible();
  await dialog.getByRole('button', { name: 'ยกเลิก' }).click();
  await page.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
  await expect(page.getByText('อนุมัติแล้ว', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'ปิดงวดไตรมาส' }).click();
  await expect(page.getByText('ปิดงวดแล้ว', { exact: true })).toBeVisible();
});

test('the district can no longer change an activity of the locked quarter', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'demo-district');
  await page.goto(reportUrl);
  await expect(page.getByText('ปิดงวดแล้ว', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'แก้ไข', exact: true })).toHaveCount(0);
  await expectNoSidewaysScroll(page, 'locked report at 360 px');

  // The activity of the locked quarter offers no Edit or Delete, and says why.
  await page.goto(activityUrl);
  await expect(page.getByTestId('locked-note')).toContainText('จังหวัดปิดงวดแล้ว');
  await expect(page.getByRole('button', { name: 'แก้ไข', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'ลบกิจกรรม' })).toHaveCount(0);
  await expect(page.getByText('ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก').first()).toBeVisible();
});

test('the department finds Ubon Ratchathani on the national map and opens its dashboard', async ({ page }) => {
  await signIn(page, 'demo-admin');
  const map = page.getByTestId('national-map');
  const ubon = map.getByRole('button', { name: /อุบลราชธานี/ }).first();
  await expect(ubon).toBeVisible();
  await ubon.click();
  await expect(page).toHaveURL(/\/dashboards\?unit=34/);
});

test('the province unlocks the quarter with a reason, so today can be written again', async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto(reportUrl);
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: 'ปลดล็อกไตรมาส' }).click();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog.getByText('จำเป็นต้องกรอก')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'เหตุผลที่ปลดล็อก' }).fill('อำเภอขอแก้ไขสถานที่จัดกิจกรรมที่บันทึกผิด');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('ปิดงวดแล้ว', { exact: true })).toHaveCount(0);
});
