import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';

test('the province opens FY2563, sees the seed register of 26 rows totalling 41,100 and downloads it as PDF and XLSX', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('ชื่อผู้ใช้').fill('demo-province');
  await page.getByLabel('รหัสผ่าน').fill('thanrak-demo');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('link', { name: 'งบประมาณ' }).click();
  await page
    .getByRole('textbox', { name: 'ปีงบประมาณ' })
    .or(page.getByRole('combobox', { name: 'ปีงบประมาณ' }))
    .first()
    .click();
  await page.getByRole('option', { name: '2563' }).click();
  await page.getByRole('button', { name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' }).click();
  const register = page.getByTestId('register');
  await expect(register.getByRole('row')).toHaveCount(1 + 26 + 1); // header, 26 units, total
  await expect(page.getByTestId('register-total')).toHaveText('41,100.00');
  await expect(page.getByText('(สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน)')).toBeVisible();
  await expect(register.getByRole('cell', { name: 'บุณฑริก' })).toBeVisible();

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'ดาวน์โหลด PDF' }).click();
  const pdfPath = await (await pdfDownload).path();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน');
  const png = execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', pdfPath]);
  expect(png.subarray(1, 4).toString()).toBe('PNG'); // it renders

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'ดาวน์โหลด Excel' }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await xlsxDownload).path());
  const amounts = book.worksheets[0].getColumn(6).values.filter((v) => typeof v === 'number');
  expect(amounts.at(-1)).toBe(41_100);
});
