/** The import upload takes files up to the reader's 50 MB (not the attachments' 10 MB) and refuses a bigger one. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../imports/read';
import { createTestContext, type TestContext } from '../../test/harness';
import { upload } from './import-fixtures';

let t: TestContext;
let cookie: string;
let uploads: string;
const systemTmp = process.env.TMPDIR;
beforeAll(async () => {
  t = await createTestContext();
  cookie = await t.login('demo-district');
  // Uploads of this file land in a folder of its own, so other test files' uploads do not change the count.
  uploads = await mkdtemp(join(tmpdir(), 'thanrak-upload-limit-'));
  process.env.TMPDIR = uploads;
});
afterAll(async () => {
  if (systemTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = systemTmp;
  await rm(uploads, { recursive: true, force: true });
  await t.close();
});

const batches = async () => Number((await t.rows('select count(*) n from import_batches'))[0].n);
const uploadDirs = async () => (await readdir(uploads)).length;

describe('import upload size', () => {
  it('a file over the attachments’ 10 MB reaches the reader (it is read, not refused for its size)', async () => {
    const res = await upload(t, cookie, '/api/imports/producers', Buffer.alloc(12 * 1024 * 1024, 0x41));
    expect(res.body.code).not.toBe('attachment.too_large');
    expect(res.body.code).not.toBe('import.too_large');
    expect(res.body.code).toMatch(/^import\./);
  });

  it('a file just over 50 MB is refused with 413 import.too_large in Thai and English, and nothing is kept', async () => {
    const batchesBefore = await batches();
    const res = await upload(t, cookie, '/api/imports/producers', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('import.too_large');
    expect(res.body.th).toContain('50 MB');
    expect(res.body.en).toContain('50 MB');
    expect(await batches()).toBe(batchesBefore);
    expect(await uploadDirs()).toBe(0);
  });
});
