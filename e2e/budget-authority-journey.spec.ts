import { expect, type Page, test } from '@playwright/test';
import { openSeedActivity, signIn } from './session';

// Issue #12, done when: the province records the seed's delegation order 7/2563; the district asks for an advance
// on the FY2563 activity; the district chief approves it citing that order; receipts clear it and the spending view
// shows them; the province sees 3401's spending in its roll-up. Each person signs in in a browser of their own.
test.describe.configure({ mode: 'serial' });

const PURPOSE = 'ค่าวัสดุประชุมทบทวนแนวทางการดำเนินงานศูนย์ฯ';

async function as(browser: import('@playwright/test').Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

test('the seed’s chain of authority and money, from the governor’s order to the province’s roll-up', async ({ browser }) => {
  test.setTimeout(180_000);

  // 1. The province records the governor's order delegating spending to the district chiefs.
  const province = await as(browser, 'demo-province');
  await province.getByRole('navigation', { name: 'เมนู' }).getByRole('link', { name: 'คำสั่งมอบอำนาจ' }).click();
  await province.getByRole('button', { name: 'บันทึกคำสั่ง' }).click();
  const orderForm = province.getByRole('dialog');
  await orderForm.getByRole('textbox', { name: 'เลขที่คำสั่ง' }).fill('7/2563');
  await orderForm.getByRole('textbox', { name: 'ลงวันที่' }).fill('02/01/2563');
  await expect(orderForm.getByRole('textbox', { name: 'ผู้มอบอำนาจ' })).toHaveValue('ผู้ว่าราชการจังหวัดอุบลราชธานี');
  await orderForm.getByRole('textbox', { name: 'เรื่อง' }).fill('การมอบอำนาจให้นายอำเภอปฏิบัติราชการแทนผู้ว่าราชการจังหวัดอุบลราชธานี');
  await orderForm.getByRole('button', { name: 'บันทึก' }).click();
  await expect(orderForm).toBeHidden();
  await expect(province.getByText(/ที่ 7\/2563 ลงวันที่ 2 ม\.ค\. 2563|ที่ 7\/2563 ลงวันที่ 2 มกราคม 2563/).first()).toBeVisible();

  // 2. The district asks for an advance on the FY2563 activity: the money is received in the activity's quarter.
  const district = await as(browser, 'demo-district');
  await district.getByRole('navigation', { name: 'เมนู' }).getByRole('link', { name: 'เงินยืม', exact: true }).click();
  await district.getByRole('button', { name: 'บันทึกเงินยืม' }).click();
  const request = district.getByRole('dialog');
  await request.getByRole('textbox', { name: 'วันที่รับเงิน' }).fill('04/05/2563');
  await request.getByRole('combobox', { name: 'กิจกรรมที่ยืมเงิน' }).click();
  await district.getByRole('option', { name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' }).click();
  await expect(request.getByTestId('advance-available')).toContainText('1,500.00');
  await request.getByRole('combobox', { name: 'ผู้ยืม' }).click();
  await district.getByRole('option', { name: /นายสมชาย ใจดี/ }).click();
  await request.getByRole('textbox', { name: 'วัตถุประสงค์' }).fill(PURPOSE);
  await request.getByRole('textbox', { name: 'จำนวนเงิน (บาท)' }).fill('1,500');
  await request.getByRole('button', { name: 'บันทึก' }).click();
  await expect(request).toBeHidden();
  const asked = district.getByRole('row', { name: new RegExp(PURPOSE) });
  await expect(asked).toContainText('รออนุมัติ');

  // 3. The district chief approves it, citing the order the province just recorded.
  const chief = await as(browser, 'demo-chief');
  await chief.getByRole('navigation', { name: 'เมนู' }).getByRole('link', { name: 'เงินยืม', exact: true }).click();
  const waiting = chief.getByRole('row', { name: new RegExp(PURPOSE) });
  await waiting.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
  const decision = chief.getByRole('dialog');
  await decision.getByRole('combobox', { name: 'คำสั่งมอบอำนาจที่อ้างถึง' }).click();
  await chief.getByRole('option', { name: /ที่ 7\/2563/ }).click();
  await decision.getByRole('button', { name: 'บันทึก' }).click();
  await expect(decision).toBeHidden();
  await expect(waiting).toContainText('ตามคำสั่งที่ 7/2563');

  // 4. The borrower hands in receipts dated in the quarter; they clear the advance and become spending.
  await district.reload();
  await expect(asked).toContainText('ตามคำสั่งที่ 7/2563');
  await asked.getByRole('button', { name: 'ส่งใช้เงินยืม' }).click();
  const repay = district.getByRole('dialog');
  await repay.getByRole('textbox', { name: 'วันที่ส่งใช้' }).fill('20/05/2563');
  await repay.getByRole('textbox', { name: 'วันที่จ่าย' }).fill('15/05/2563');
  await repay.getByRole('textbox', { name: 'เลขที่เอกสาร' }).fill('บจ 41/2563');
  await repay.getByRole('textbox', { name: 'รายการ' }).fill('ค่าวัสดุสำนักงานสำหรับการประชุมทบทวนแนวทางฯ');
  await repay.getByRole('textbox', { name: 'จำนวนเงิน (บาท)' }).fill('1,500');
  await repay.getByRole('textbox', { name: 'ผู้ขายหรือผู้รับจ้าง' }).fill('ร้านอุบลเครื่องเขียน');
  await repay.getByRole('button', { name: 'บันทึก' }).click();
  await expect(repay).toBeHidden();
  await expect(asked).toContainText('ส่งใช้ครบแล้ว');

  await openSeedActivity(district);
  const receipt = district.getByText('บจ 41/2563');
  await expect(receipt.first()).toBeVisible();

  // 5. The province's roll-up of FY2563 shows what 3401 spent.
  await province.goto('/spending');
  await province
    .getByRole('textbox', { name: 'ปีงบประมาณ' })
    .or(province.getByRole('combobox', { name: 'ปีงบประมาณ' }))
    .first()
    .click();
  await province.getByRole('option', { name: '2563' }).click();
  const muang = province.getByTestId('rollup-row').filter({ hasText: 'เมืองอุบลราชธานี' });
  await expect(muang).toContainText('1,500.00');
});
