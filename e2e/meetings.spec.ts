/**
 * Committee meetings and publicity posts in the browser. Needs the demo committees of 3401 (the committees'
 * demo seeds them before the meetings' demo), so it runs on the merged demo.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

const PLACE = 'ห้องประชุมศูนย์บริการ ชั้น 2 ทดสอบ';
let meetingUrl = '';

test('a district officer plans a meeting, records it with resolutions and prints the invitation and minutes', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.getByRole('link', { name: 'การประชุมคณะกรรมการ', exact: true }).click();
  // The demo's held meetings show their attendance and quorum.
  await expect(page.getByTestId('quorum-badge').first()).toBeVisible();
  await page.getByRole('button', { name: 'นัดประชุม' }).first().click();
  await expect(page).toHaveURL(/\/meetings\/new/);
  await page.getByRole('textbox', { name: 'สถานที่' }).fill(PLACE);
  // Every member of the term in force is invited unless unticked.
  await expect(page.getByRole('checkbox').first()).toBeChecked();
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+/);
  meetingUrl = page.url();
  await expect(page.getByText(PLACE)).toBeVisible();
  await expect(page.getByText('นัดประชุมแล้ว')).toBeVisible();

  const invitation = page.waitForEvent('download');
  await page.getByRole('button', { name: 'หนังสือเชิญประชุม (PDF)' }).click();
  expect((await invitation).suggestedFilename()).toMatch(/^invitation-3401-\d{4}-\d+\.pdf$/);

  await page.getByRole('button', { name: 'บันทึกผลการประชุม' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('quorum-live')).toContainText('ครบองค์ประชุม');
  await dialog.getByRole('button', { name: 'เพิ่มมติ' }).click();
  await dialog.getByRole('textbox', { name: 'มติที่ประชุม' }).fill('มอบหมายฝ่ายประชาสัมพันธ์ทำข่าวผลการประชุม');
  await dialog.getByRole('textbox', { name: 'ผู้จดรายงานการประชุม' }).fill('นางสาวจดบันทึก ตั้งใจ');
  await dialog.getByRole('textbox', { name: 'ผู้ตรวจรายงานการประชุม' }).fill('นายตรวจทาน ถูกต้อง');
  await dialog.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('ประชุมแล้ว', { exact: true })).toBeVisible();
  await expect(page.getByTestId('quorum-badge')).toHaveText('ครบองค์ประชุม');
  await expect(page.getByTestId('resolution')).toContainText('มอบหมายฝ่ายประชาสัมพันธ์');

  const minutes = page.waitForEvent('download');
  await page.getByRole('button', { name: 'รายงานการประชุม (PDF)' }).click();
  expect((await minutes).suggestedFilename()).toMatch(/^minutes-3401-/);
});

test('the resolution is followed up from the follow-up tab', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/meetings?tab=resolutions');
  const card = page.getByTestId('resolution').filter({ hasText: 'มอบหมายฝ่ายประชาสัมพันธ์ทำข่าวผลการประชุม' }).first();
  await card.getByRole('button', { name: 'บันทึกการติดตาม' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: 'สถานะการดำเนินการ' })
    .or(dialog.getByRole('textbox', { name: 'สถานะการดำเนินการ', exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: 'กำลังดำเนินการ' }).click();
  await dialog.getByRole('textbox', { name: 'ผลการติดตาม' }).fill('ร่างข่าวแล้ว รอตรวจ');
  await dialog.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card).toContainText('ร่างข่าวแล้ว รอตรวจ');
});

test('a district officer writes a post, adds a photo and publishes it', async ({ page }, info) => {
  await signIn(page, 'demo-district');
  await page.getByRole('link', { name: 'ข่าวประชาสัมพันธ์', exact: true }).click();
  await expect(page.getByTestId('post-card').first()).toBeVisible();
  await page.getByRole('button', { name: 'เขียนข่าว' }).first().click();
  await page.getByRole('textbox', { name: 'หัวข้อข่าว' }).fill('ศูนย์ฯ ประชุมคณะกรรมการ ทดสอบข่าว');
  await page.getByRole('textbox', { name: 'เนื้อหา' }).fill('คณะกรรมการศูนย์ประชุมติดตามผลการดำเนินงาน');
  await page.getByRole('checkbox', { name: 'เฟซบุ๊ก' }).check();
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page).toHaveURL(/\/posts\/\d+/);
  await expect(page.getByText('ร่าง', { exact: true })).toBeVisible();

  const photo = info.outputPath('photo.png');
  await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2f6b4f' } })
    .png()
    .toFile(photo);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'เพิ่มภาพ' }).click();
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: readFileSync(photo) });
  await expect(page.getByTestId('post-photo')).toHaveCount(1);

  await page.getByRole('button', { name: 'เผยแพร่วันนี้' }).click();
  await expect(page.getByText('เผยแพร่แล้ว', { exact: true })).toBeVisible();
});

test('meetings and posts fit a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'demo-district');
  for (const url of ['/meetings', '/meetings?tab=resolutions', meetingUrl || '/meetings', '/posts']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectNoSidewaysScroll(page, url);
  }
});
