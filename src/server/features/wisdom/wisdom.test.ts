import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let cookie: string;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  cookie = await t.login('demo-district');
  district = api(t, cookie);
  district2 = api(t, await t.login('demo-district-2'));
});
afterAll(() => t.close());

function multipart(filename: string, data: Buffer, type: string) {
  const boundary = '----thanrak-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (who: string, id: number, filename: string, data: Buffer, type = 'image/jpeg') =>
  t.as(who, { method: 'POST', url: `/api/wisdom/${id}/attachments`, ...multipart(filename, data, type) });

describe('wisdom items', () => {
  it('records an item with its holders and marks them as wisdom holders', async () => {
    const holder = await district.person();
    const item = await district.wisdom({ holderIds: [holder.id], description: 'ย้อมสีธรรมชาติจากเปลือกไม้' });
    expect(item).toMatchObject({ status: 'surveyed', accessLevel: 'community', holders: [{ id: holder.id }] });
    expect((await district.call('GET', `/api/people/${holder.id}`)).body.roles).toContain('wisdom_holder');
  });

  it('refuses public access without the holder’s consent, and accepts it with the date', async () => {
    const refused = await district.call('POST', '/api/wisdom', {
      orgUnitCode: '3401',
      title: 'ตำรายาสมุนไพร',
      branchCode: 'thai_medicine',
      surveyedOn: '2025-10-10',
      accessLevel: 'public',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'wisdom.public_needs_consent', th: 'การเผยแพร่สาธารณะต้องมีวันที่เจ้าของภูมิปัญญายินยอม' });
    const ok = await district.wisdom({ accessLevel: 'public', consentDate: '2025-10-10' });
    expect(ok.consentDate).toBe('2025-10-10');
  });

  it('refuses an unknown or retired branch code for a new item', async () => {
    for (const branchCode of ['astrology', 'welfare']) {
      const res = await district.call('POST', '/api/wisdom', {
        orgUnitCode: '3401',
        title: 'x',
        branchCode,
        surveyedOn: '2025-10-10',
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('code.unknown');
    }
  });

  it('refuses a holder from another district', async () => {
    const other = await district2.person({ orgUnitCode: '3415' });
    const res = await district.call('POST', '/api/wisdom', {
      orgUnitCode: '3401',
      title: 'x',
      branchCode: 'arts',
      surveyedOn: '2025-10-10',
      holderIds: [other.id],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('record.other_district');
  });

  it('takes a photo, checks it by content, resizes it and makes a thumbnail', async () => {
    const item = await district.wisdom();
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#a0522d' } })
      .png()
      .toBuffer();
    const res = await upload(cookie, item.id, 'ทอผ้า.png', photo, 'image/png');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 1600, height: 1067 });
    const thumb = await t.as(cookie, { method: 'GET', url: `/api/attachments/${res.json().id}/thumbnail` });
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    expect((await district.call('GET', `/api/wisdom/${item.id}`)).body.attachments).toHaveLength(1);
    expect(
      (await t.as(await t.login('demo-district-2'), { method: 'GET', url: `/api/attachments/${res.json().id}` })).statusCode,
    ).toBe(404);
  });

  it('refuses a file that is not an image even when named like one', async () => {
    const item = await district.wisdom();
    const res = await upload(cookie, item.id, 'photo.jpg', Buffer.from('<script>alert(1)</script>'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'attachment.not_image' });
    expect(res.json().th).toContain('photo.jpg');
    expect((await district.call('GET', `/api/wisdom/${item.id}`)).body.attachments).toHaveLength(0);
  });

  it('finds an item by a Thai word inside a compound', async () => {
    await district.wisdom({ title: 'การจักสานกระติบข้าวจากต้นกก' });
    const found = await district.call('GET', `/api/wisdom?q=${encodeURIComponent('กระติบ')}`);
    expect(found.body.items.map((w: any) => w.title)).toContain('การจักสานกระติบข้าวจากต้นกก');
  });

  it('changes an item at the version read, bumps the version, and refuses the stale version with 409, changing nothing', async () => {
    const item = await district.wisdom();
    const body = { version: item.version, title: 'การทอผ้าไหมลายขอ', branchCode: item.branchCode, surveyedOn: item.surveyedOn };
    const changed = await expectVersionedPatch(district, `/api/wisdom/${item.id}`, body, { title: 'ทับของคนอื่น' });
    expect(changed.title).toBe('การทอผ้าไหมลายขอ');
  });

  it('keeps the credit the holders agreed to on the public portal, and drops it when cleared', async () => {
    const item = await district.wisdom({ publicCredit: 'ครูสมศรี และชุมชนบ้านหนองบัว' });
    expect(item.publicCredit).toBe('ครูสมศรี และชุมชนบ้านหนองบัว');
    expect((await district.call('GET', `/api/wisdom?q=${encodeURIComponent(item.title)}`)).body.items[0].publicCredit).toBe(
      'ครูสมศรี และชุมชนบ้านหนองบัว',
    );
    const res = await district.call('PATCH', `/api/wisdom/${item.id}`, {
      version: item.version,
      title: item.title,
      branchCode: item.branchCode,
      surveyedOn: item.surveyedOn,
      publicCredit: null,
    });
    expect(res.body.publicCredit).toBeNull();
  });

  it('changes only the fields a PATCH sends: a new title keeps the holders and consent; null clears the village', async () => {
    const holder = await district.person();
    const item = await district.wisdom({
      holderIds: [holder.id],
      villageNo: 7,
      accessLevel: 'public',
      consentDate: '2025-11-02',
      publicCredit: 'ครูสมศรี',
      description: 'ทอด้วยกี่พื้นบ้าน',
    });
    const url = `/api/wisdom/${item.id}`;
    await expectPartialPatch(district, url, { title: 'การทอผ้าไหมลายนาคน้อย' });
    await expectPartialPatch(district, url, { villageNo: null });
    await expectPartialPatch(district, url, { description: null });
    // A rule across fields holds on the merged item: public access still needs the consent it has.
    const current = (await district.call('GET', url)).body;
    const noConsent = await district.call('PATCH', url, { version: current.version, consentDate: null });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.code).toBe('wisdom.public_needs_consent');
  });

  it('tags a holder added on edit as a wisdom holder, as on create', async () => {
    const item = await district.wisdom();
    const holder = await district.person();
    expect(holder.roles).toEqual([]);
    const res = await district.call('PATCH', `/api/wisdom/${item.id}`, {
      version: item.version,
      title: item.title,
      branchCode: item.branchCode,
      surveyedOn: item.surveyedOn,
      holderIds: [holder.id],
    });
    expect(res.body.holders).toEqual([expect.objectContaining({ id: holder.id })]);
    expect((await district.call('GET', `/api/people/${holder.id}`)).body.roles).toEqual(['wisdom_holder']);
  });

  it('deletes an item at the version read: gone from the list and the detail, its files no longer served', async () => {
    const item = await district.wisdom({ title: 'การทำเครื่องปั้นดินเผาบ้านลบ' });
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a0522d' } })
      .png()
      .toBuffer();
    const file = (await upload(cookie, item.id, 'ดินเผา.png', photo, 'image/png')).json();
    expect((await district.call('DELETE', `/api/wisdom/${item.id}`, { version: item.version + 1 })).status).toBe(409);
    expect((await district.call('DELETE', `/api/wisdom/${item.id}`, { version: item.version })).status).toBe(204);
    expect((await district.call('GET', `/api/wisdom/${item.id}`)).status).toBe(404);
    const list = await district.call('GET', `/api/wisdom?q=${encodeURIComponent('ดินเผาบ้านลบ')}`);
    expect(list.body.items).toEqual([]);
    expect((await t.as(cookie, { method: 'GET', url: `/api/attachments/${file.id}` })).statusCode).toBe(404);
    expect((await district.call('DELETE', `/api/wisdom/${item.id}`, { version: item.version + 1 })).status).toBe(404);
  });

  it('hides restricted wisdom and its files from committee members, not from district officers and above', async () => {
    const item = await district.wisdom({ accessLevel: 'restricted', title: 'ตำราคาถาลับเฉพาะ' });
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const file = (await upload(cookie, item.id, 'ลับ.png', photo, 'image/png')).json();
    const committee = await t.login('demo-committee');
    const asCommittee = api(t, committee);
    expect((await asCommittee.call('GET', `/api/wisdom/${item.id}`)).status).toBe(404);
    const listed = await asCommittee.call('GET', `/api/wisdom?q=${encodeURIComponent('คาถาลับเฉพาะ')}`);
    expect(listed.body.items).toEqual([]);
    expect((await t.as(committee, { method: 'GET', url: `/api/attachments/${file.id}` })).statusCode).toBe(404);
    const community = await district.wisdom({ accessLevel: 'community' });
    expect((await asCommittee.call('GET', `/api/wisdom/${community.id}`)).status).toBe(200);
    for (const who of ['demo-district', 'demo-province', 'demo-admin']) {
      const reader = api(t, await t.login(who));
      expect((await reader.call('GET', `/api/wisdom/${item.id}`)).status, who).toBe(200);
    }
  });

  it('serves an uploaded PDF as a download under a sanitized name, and re-encoded images inline, never sniffed', async () => {
    const item = await district.wisdom();
    const pdf = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script>\n%%EOF');
    const stored = await upload(cookie, item.id, '..\\..\\ทะเบียน:ลับ*<1>.pdf', pdf, 'application/pdf');
    expect(stored.statusCode).toBe(201);
    const res = await t.as(cookie, { method: 'GET', url: `/api/attachments/${stored.json().id}` });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"/\\]+"; filename\*=UTF-8''/);
    expect(disposition).not.toContain('..');
    expect(disposition).toContain(encodeURIComponent('ทะเบียน_ลับ__1_.pdf'));
    expect(Buffer.compare(res.rawPayload, pdf)).toBe(0);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a0522d' } })
      .png()
      .toBuffer();
    const image = (await upload(cookie, item.id, 'ผ้าไหม.png', photo, 'image/png')).json();
    const shown = await t.as(cookie, { method: 'GET', url: `/api/attachments/${image.id}` });
    expect(shown.headers['content-disposition']).toMatch(/^inline; /);
    expect(shown.headers['content-disposition']).toContain(encodeURIComponent('ผ้าไหม.png'));
  });
});
