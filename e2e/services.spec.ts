import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

/**
 * Picks an option of a Mantine Select or MultiSelect in the dialog by its label and returns the option's text; a
 * MultiSelect's list stays open and is closed with Escape (on a Select, Escape would close the dialog instead).
 */
async function choose(page: Page, label: string, option: string | RegExp | number, multi = true) {
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: label, exact: true })
    .or(dialog.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  const chosen =
    typeof option === 'number' ? page.getByRole('option').nth(option) : page.getByRole('option', { name: option }).first();
  const text = (await chosen.textContent()) ?? '';
  await chosen.click();
  if (multi) await page.keyboard.press('Escape');
  return text.trim();
}

const PARTNER = 'สหกรณ์การเกษตรบ้านปากน้ำ จำกัด';
const PLACE = 'บ้านปากน้ำ หมู่ 7';

test('a district officer records an outreach trip with two services to a group with a partner, and finds them', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');

  // A partner agency of the district.
  await page.getByRole('link', { name: 'ภาคีเครือข่าย', exact: true }).click();
  await page.getByRole('button', { name: 'เพิ่มภาคีเครือข่าย' }).first().click();
  await choose(page, 'ประเภทภาคี', 'องค์กรชุมชน', false);
  await dialog.getByRole('textbox', { name: 'ชื่อหน่วยงาน' }).fill(PARTNER);
  await dialog.getByRole('textbox', { name: 'ผู้ประสานงาน' }).fill('นางสาวบัวเรียน ศรีสุข');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(PARTNER)).toBeVisible();

  // The trip: today, the officer as the team, one village.
  await page.getByRole('link', { name: 'การให้บริการ', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกการออกหน่วย' }).click();
  await dialog.getByLabel('หมู่บ้าน/ตำบลที่ไป').fill(PLACE);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const trip = page.getByTestId('outreach-trip').filter({ hasText: PLACE });
  await expect(trip).toContainText('บริการ 0 รายการ');

  // Two services on it, to the same group, with the partner; the form starts on the trip's day, mode and team.
  let group = '';
  for (const [type, what] of [
    ['ความรู้: การตลาด', 'สอนถ่ายภาพสินค้าและเปิดร้านค้าออนไลน์'],
    ['เชื่อมโยงแหล่งทุน', 'แนะนำสินเชื่อเพื่อการผลิตของสหกรณ์'],
  ]) {
    await trip.getByRole('button', { name: 'บันทึกบริการในรอบนี้' }).click();
    await expect(
      dialog
        .getByRole('textbox', { name: 'รอบการออกหน่วย', exact: true })
        .or(dialog.getByRole('combobox', { name: 'รอบการออกหน่วย', exact: true }))
        .first(),
    ).toHaveValue(new RegExp(PLACE));
    group = group ? await choose(page, 'กลุ่มที่รับบริการ', group) : await choose(page, 'กลุ่มที่รับบริการ', 0);
    await choose(page, 'ประเภทบริการ', type);
    await dialog.getByRole('textbox', { name: 'สิ่งที่ดำเนินการ' }).fill(what);
    await choose(page, 'ภาคีเครือข่ายที่ร่วม', PARTNER);
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(trip).toContainText('บริการ 2 รายการ');

  // The trip's services, then one of them at its own address.
  await trip.getByRole('button', { name: 'ดูบริการของรอบนี้' }).click();
  await expect(page.getByTestId('trip-filter')).toBeVisible();
  const rows = page.getByRole('row').filter({ hasText: group });
  await expect(rows).toHaveCount(2);
  await rows.first().getByTestId('record-open').click();
  await expect(page).toHaveURL(/\/services\/\d+/);
  await expect(page.getByText(PARTNER)).toBeVisible();
  await expect(page.getByText('เชิงรุก (ออกหน่วย) · ตามแผน')).toBeVisible();

  // The group's page lists them among the services it received.
  await page.getByRole('link', { name: group, exact: true }).click();
  await expect(page).toHaveURL(/\/groups\/\d+/);
  const received = page.getByTestId('services-received').getByRole('link');
  await expect(received.nth(0)).toContainText('เชิงรุก (ออกหน่วย)');
  await expect(received.nth(1)).toContainText('เชิงรุก (ออกหน่วย)');
});

test('a committee member records a service she gave but cannot change the officer’s', async ({ page }) => {
  await signIn(page, 'demo-committee');
  await page.goto('/services');
  await page.getByRole('button', { name: 'บันทึกการให้บริการ' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'กลุ่มที่รับบริการ', 0);
  await choose(page, 'ประเภทบริการ', 'ให้คำปรึกษาทั่วไป');
  await dialog.getByRole('textbox', { name: 'สิ่งที่ดำเนินการ' }).fill('ให้คำปรึกษาการจัดทำบัญชีกลุ่ม');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const mine = page.getByRole('row').filter({ hasText: 'นางบุญมี ทองคำ' }).first();
  await mine.getByTestId('record-open').click();
  await expect(page.getByRole('button', { name: 'แก้ไข' })).toBeVisible();
  await page.goBack();
  // A service only demo-district gave and recorded: readable, not changeable.
  await page
    .getByRole('row')
    .filter({ has: page.getByTestId('record-open') })
    .filter({ hasNotText: 'นางบุญมี' })
    .first()
    .getByTestId('record-open')
    .click();
  await expect(page).toHaveURL(/\/services\/\d+/);
  await expect(page.getByRole('button', { name: 'แก้ไข' })).toHaveCount(0);
});

test('a follow-up past due is a task that opens the services waiting for it', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page
    .getByTestId('my-tasks')
    .getByRole('link', { name: /ถึงกำหนดติดตามผลการให้บริการ/ })
    .click();
  await expect(page).toHaveURL(/\/services\?.*followUp=overdue/);
  await expect(page.getByRole('switch', { name: 'เฉพาะที่เลยกำหนดติดตามผล' })).toBeChecked();
  await expect(page.getByText('เลยกำหนดติดตามผล', { exact: false }).last()).toBeVisible();
  await expect(page.getByRole('row').filter({ has: page.getByTestId('record-open') })).not.toHaveCount(0);
});

// The options hold the first 200 names; a district with more finds the rest by the words the server searches. The
// demo district has fewer, so this shows the search reaching the server and its answer offered, not page 2 itself.
test('the people field asks the server for the words typed and offers the person it finds', async ({ page }) => {
  await signIn(page, 'demo-district');
  const { items } = await (await page.request.get('/api/people?unit=3401&pageSize=200')).json();
  const person = items.at(-1);
  await page.getByRole('link', { name: 'การให้บริการ', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกการให้บริการ' }).first().click();
  const field = page
    .getByRole('dialog')
    .getByRole('combobox', { name: 'บุคคลที่รับบริการ', exact: true })
    .or(page.getByRole('dialog').getByRole('textbox', { name: 'บุคคลที่รับบริการ', exact: true }))
    .first();
  const searched = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/people' && url.searchParams.get('q') === person.lastName;
  });
  await field.fill(person.lastName);
  const found = await searched;
  expect(found.ok()).toBe(true);
  expect((await found.json()).items.map((p: { id: number }) => p.id)).toContain(person.id);
  await page
    .getByRole('option', { name: `${person.title}${person.firstName} ${person.lastName}` })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toContainText(`${person.title}${person.firstName} ${person.lastName}`);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('services are cards with mode, clients and types, the trips fit, and a card opens the service', async ({ page }) => {
    await signIn(page, 'demo-district');
    await page.goto('/services');
    const card = page.getByTestId('record-card').first();
    await expect(card).toBeVisible();
    await expect(card).toContainText('ผู้รับบริการ');
    await expect(card).toContainText('ประเภทบริการ');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByTestId('outreach-trip').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await card.click();
    await expect(page).toHaveURL(/\/services\/\d+/);
    await expectNoSidewaysScroll(page);
    await page.goto('/partners');
    await expect(page.getByTestId('record-card').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});
