import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';

// The quicker settings of the shared check still find what they are there to find.
test('the accessibility check reports a nameless button and low-contrast text, and nothing on a clean page', async ({ page }) => {
  await page.setContent(`<html lang="th"><head><title>t</title></head><body><main>
    <button></button><p style="color:#ccc;background:#fff">ข้อความจาง</p></main></body></html>`);
  const found = await seriousAxeViolations(page);
  expect(found.map((v) => v.split(' ')[0]).sort()).toEqual(['button-name', 'color-contrast']);
  expect(found.join()).toContain('button');

  await page.setContent(`<html lang="th"><head><title>t</title></head><body><main><h1>หัวเรื่อง</h1>
    <button>บันทึก</button></main></body></html>`);
  expect(await seriousAxeViolations(page)).toEqual([]);
});
