/**
 * Import batches end to end over HTTP: dry run, confirmed suggestions, commit as a job, rollback and its refusal,
 * scope, a crash in the middle of a commit, and a job whose process died.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access';
import { claimJob, runQueuedJobs } from '../../jobs/jobs';
import { TEST_DATA_KEY } from '../../test/harness';
import { fundedUbonActivity, PRODUCER_HEADER, producerRow, SEED_ALLOCATION_ROWS, upload, workbook } from './import-fixtures';
import { importSuite } from './import-steps';
import type { BatchRowRef } from './importer';
import { IMPORTERS } from './registry';

const { t, cookies, district, signedIn, count, commitJob, personOnPage } = importSuite([
  'demo-district',
  'demo-district-2',
  'demo-province',
  'demo-admin',
]);
const district2 = signedIn('demo-district-2');
const province = signedIn('demo-province');
const nation = signedIn('demo-admin');

const producerFile = (rows: string[][]) => workbook(PRODUCER_HEADER, rows);

describe('OTOP producers', () => {
  it('dry run: reports every row and every problem in Thai and English, and writes no record', async () => {
    const before = await count('select count(*) n from producers');
    const rows = [
      producerRow(1),
      producerRow(2),
      producerRow(3, { citizenId: '1234567890123' }),
      producerRow(4, { district: 'วารินชำราบ' }),
      producerRow(5, { date: '31/2/2569' }),
    ];
    const res = await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const report = res.body.report;
    expect(report.rows.map((r: any) => r.action)).toEqual(['create', 'create', 'reject', 'reject', 'reject']);
    expect(report.rows[2].problems[0]).toMatchObject({ line: 4, column: 'citizenId' });
    expect(report.rows[3].problems[0]).toMatchObject({ code: 'import.out_of_scope', column: 'district' });
    expect(report.rows[3].problems[0].th).toContain('นอกหน่วยงาน');
    expect(report.rows[4].problems[0].column).toBe('registeredOn');
    expect(res.body.counts).toMatchObject({ total: 5, create: 2, reject: 3 });
    // The cells as typed are kept for the rows to fix only (the rejected rows' workbook), not for every row.
    expect(report.rows[0].values).toBeUndefined();
    expect(report.rows[2].values).toMatchObject({ citizenId: '1-2345-67890-12-3', firstName: 'ผู้ผลิต3' });
    expect((await district.call('GET', `/api/imports/batches/${res.body.id}`)).body.report).toEqual(report);
    expect(await count('select count(*) n from producers')).toBe(before);
  });

  it('keeps the registration figures exact through a commit of several months and its rollback', async () => {
    const figures = () =>
      t.rows(`select org_unit_code, period::text, n from summary_counts
        where figure = 'registrations' and org_unit_code in ('3401', '34') and n <> 0 order by 1, 2`);
    const before = await figures();
    const dates = ['15/1/2569', '20/1/2569', '3/3/2569', '30/9/2568'];
    const rows = dates.map((date, i) => producerRow(80 + i, { date }));
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile(rows))).body;
    const { batch } = await commitJob(district, dry);
    expect(batch.status).toBe('committed');
    const bump = (period: string) => (r: any) => (r.period === period ? Number(r.n) : 0);
    const sum = (list: any[], period: string, unit: string) =>
      list.filter((r) => r.org_unit_code === unit).reduce((total, r) => total + bump(period)(r), 0);
    const after = await figures();
    for (const unit of ['3401', '34']) {
      expect(sum(after, '2026-01-01', unit) - sum(before, '2026-01-01', unit)).toBe(2);
      expect(sum(after, '2026-03-01', unit) - sum(before, '2026-03-01', unit)).toBe(1);
      expect(sum(after, '2025-09-01', unit) - sum(before, '2025-09-01', unit)).toBe(1);
    }
    expect(await t.rows('select * from summary_counts_drift')).toEqual([]);
    const rolled = await district.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(await t.rows('select * from summary_counts_drift')).toEqual([]);
    expect((await figures()).map((r) => [r.org_unit_code, r.period, Number(r.n)])).toEqual(
      before.map((r) => [r.org_unit_code, r.period, Number(r.n)]),
    );
  });

  it('commits as a job (progress to the end), then rolls back in one action', async () => {
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/producers',
      await producerFile([producerRow(11), producerRow(12)]),
    );
    const { job, batch } = await commitJob(district, res.body);
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: 'done', progressDone: 2, progressTotal: 2 });
    expect(batch.status).toBe('committed');
    const written = await t.rows(`select table_name, action from import_batch_rows where batch_id = ${batch.id} order by id`);
    expect(written.map((w: any) => w.table_name).sort()).toEqual(['people', 'people', 'producers', 'producers']);
    const ids = await t.rows(`select record_id from import_batch_rows where batch_id = ${batch.id} and table_name = 'producers'`);
    const listed = await district.call('GET', `/api/producers/${ids[0].record_id}`);
    expect(listed.body.ownerName).toContain('ผู้ผลิต1');
    expect(await count(`select count(*) n from audit_log where entity = 'producer' and entity_id = '${ids[0].record_id}'`)).toBe(
      1,
    );

    const rolled = await district.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(rolled.body.status).toBe('rolled_back');
    expect((await district.call('GET', `/api/producers/${ids[0].record_id}`)).status).toBe(404);
    const live =
      await t.rows(`select count(*) n from people p join import_batch_rows r on r.record_id = p.id and r.table_name = 'people'
      where r.batch_id = ${batch.id} and p.deleted_at is null`);
    expect(Number(live[0].n)).toBe(0);
  });

  it('finds a duplicate by citizen ID; "update" changes the registration and a rollback restores it', async () => {
    const row = producerRow(21);
    const first = await commitJob(
      district,
      (await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile([row]))).body,
    );
    const producerId = (
      await t.rows(`select record_id from import_batch_rows where batch_id = ${first.batch.id} and table_name = 'producers'`)
    )[0].record_id;
    const again = [...row];
    again[9] = 'OTOP-CHANGED';
    const dry = await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile([again]));
    expect(dry.body.report.rows[0]).toMatchObject({ action: 'skip', duplicate: { id: producerId } });
    const { batch } = await commitJob(district, dry.body, { choices: { [dry.body.report.rows[0].line]: 'update' } });
    expect(batch.report.rows[0].action).toBe('update');
    expect((await district.call('GET', `/api/producers/${producerId}`)).body.registrationNo).toBe('OTOP-CHANGED');
    expect((await district.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version })).status).toBe(
      200,
    );
    expect((await district.call('GET', `/api/producers/${producerId}`)).body.registrationNo).toBe(row[9]);
  });

  it('tags an owner already on file as an entrepreneur, and the rollback takes the tag back', async () => {
    const owner = await personOnPage({ first: 'เจ้าของเดิม', last: 'มีอยู่แล้ว' });
    const roles = async () => (await district.call('GET', `/api/people/${owner.id}`)).body.roles;
    expect(await roles()).toEqual([]);
    const row = producerRow(31, { citizenId: owner.citizenId, firstName: owner.firstName });
    row[3] = owner.lastName;
    const dry = await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile([row]));
    expect(dry.body.report.rows[0]).toMatchObject({ action: 'create' });
    const { batch } = await commitJob(district, dry.body);
    expect(batch.status).toBe('committed');
    expect(await roles()).toEqual(['entrepreneur']);
    expect((await district.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version })).status).toBe(
      200,
    );
    expect(await roles()).toEqual([]);
    expect(await count(`select count(*) n from people where id = ${owner.id} and deleted_at is null`)).toBe(1);
  });

  it('refuses a rollback when a record was edited after the import, naming it, and changes nothing', async () => {
    const { batch } = await commitJob(
      district,
      (await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile([producerRow(31)]))).body,
    );
    const id = (
      await t.rows(`select record_id from import_batch_rows where batch_id = ${batch.id} and table_name = 'producers'`)
    )[0].record_id;
    const producer = (await district.call('GET', `/api/producers/${id}`)).body;
    const { id: _i, ownerName, orgUnitCode, groupId, targetType, ...fields } = producer;
    expect((await district.call('PATCH', `/api/producers/${id}`, { ...fields, registrationNo: 'แก้ภายหลัง' })).status).toBe(200);
    const refused = await district.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain(`OTOP ${producer.registrationNo === 'แก้ภายหลัง' ? '' : 'แก้ภายหลัง'}`);
    expect((await district.call('GET', `/api/producers/${id}`)).status).toBe(200);
    expect((await district.call('GET', `/api/imports/batches/${batch.id}`)).body.status).toBe('committed');
  });

  it('keeps scope: another district sees no batch or job of 3401, a province may not import producers', async () => {
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile([producerRow(41)]))).body;
    expect((await district2.call('GET', `/api/imports/batches/${dry.id}`)).status).toBe(404);
    expect((await district2.call('POST', `/api/imports/batches/${dry.id}/commit`, { version: dry.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/imports/batches')).body.items.some((b: any) => b.id === dry.id)).toBe(false);
    const started = await district.call('POST', `/api/imports/batches/${dry.id}/commit`, { version: dry.version });
    expect((await district2.call('GET', `/api/jobs/${started.body.jobId}`)).status).toBe(404);
    expect((await district.call('GET', `/api/jobs/${started.body.jobId}`)).status).toBe(200);
    await runQueuedJobs(t.database.db, t.app.jobHandlers);
    expect(
      (await upload(t, cookies['demo-province'], '/api/imports/producers', await producerFile([producerRow(42)]))).status,
    ).toBe(403);
  });

  it('a crash in the middle of a commit leaves nothing written; the batch says why and can be committed again', async () => {
    const before = await count('select count(*) n from producers');
    const peopleBefore = await count('select count(*) n from people');
    const auditBefore = await count(`select count(*) n from audit_log where entity in ('producer', 'person')`);
    const dry = (
      await upload(
        t,
        cookies['demo-district'],
        '/api/imports/producers',
        await producerFile([1, 2, 3, 4, 5].map((n) => producerRow(50 + n))),
      )
    ).body;
    const real = IMPORTERS.producers;
    let written = 0;
    // The crash comes after records were written in the commit's transaction, on either write path.
    IMPORTERS.producers = {
      ...real,
      async write(tx, ctx, row) {
        if (++written > 3) throw new Error('the server died here');
        return real.write(tx, ctx, row);
      },
      async writeMany(tx, ctx, rows) {
        await real.writeMany!(tx, ctx, rows);
        throw new Error('the server died here');
      },
    };
    try {
      const { job, batch } = await commitJob(district, dry);
      expect(job.status).toBe('failed');
      expect(batch.status).toBe('failed');
    } finally {
      IMPORTERS.producers = real;
    }
    expect(await count('select count(*) n from producers')).toBe(before);
    expect(await count('select count(*) n from people')).toBe(peopleBefore);
    expect(await count(`select count(*) n from audit_log where entity in ('producer', 'person')`)).toBe(auditBefore);
    const failed = (await district.call('GET', `/api/imports/batches/${dry.id}`)).body;
    expect(failed.report.error).toMatchObject({ code: 'job.failed' });
    expect(failed.report.rows).toEqual(dry.report.rows);
    const { batch } = await commitJob(district, failed);
    expect(batch.status).toBe('committed');
    expect(await count('select count(*) n from producers')).toBe(before + 5);
  });

  it('checks a rollback of more records than a statement has parameters (65,535), naming each one blocked', async () => {
    // 35,000 owners and their registrations that are no longer on file: every one is named, none fails the query.
    const rows: BatchRowRef[] = Array.from({ length: 35_000 }, (_, i) =>
      (['people', 'producers'] as const).map((tableName) => ({
        line: i + 2,
        tableName,
        recordId: 2_000_000 + i,
        action: 'created' as const,
        versionAfter: 1,
        before: null,
      })),
    ).flat();
    const actor = { userId: 0, username: 'test', role: 'district_officer', orgUnitCode: '3401' } as Actor;
    const blockers = await t.database.db.transaction((tx) =>
      IMPORTERS.producers.blockers(tx, { db: tx, actor, unitCode: '3401', options: {}, dataKey: TEST_DATA_KEY }, rows),
    );
    expect(blockers).toHaveLength(70_000);
    expect(blockers).toContain('OTOP #2000000');
  });

  it('restart safety: a job left running by a dead process is queued again and finishes once', async () => {
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/producers', await producerFile([producerRow(61)]))).body;
    const started = await district.call('POST', `/api/imports/batches/${dry.id}/commit`, { version: dry.version });
    const claimed = await claimJob(t.database.db);
    expect(claimed?.id).toBe(started.body.jobId);
    // The process that claimed it dies: no heartbeat for two minutes.
    await t.rows(`update jobs set heartbeat_at = now() - interval '2 minutes' where id = ${claimed!.id}`);
    expect(await runQueuedJobs(t.database.db, t.app.jobHandlers)).toBe(1);
    const job = (await district.call('GET', `/api/jobs/${claimed!.id}`)).body;
    expect(job.status).toBe('done');
    expect((await t.rows(`select attempts from jobs where id = ${claimed!.id}`))[0].attempts).toBe(2);
    expect(await count(`select count(*) n from import_batch_rows where batch_id = ${dry.id} and table_name = 'producers'`)).toBe(
      1,
    );
  });

  it('downloads the rejected rows with their reasons, in the template columns, readable as an import again', async () => {
    const dry = (
      await upload(
        t,
        cookies['demo-district'],
        '/api/imports/producers',
        await producerFile([producerRow(71), producerRow(72, { citizenId: '1111111111111' })]),
      )
    ).body;
    const res = await t.as(cookies['demo-district'], { method: 'GET', url: `/api/imports/batches/${dry.id}/rejected.xlsx` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('อำเภอ');
    const reason = String(sheet.getRow(2).getCell(IMPORTERS.producers.columns.length + 1).value);
    expect(reason).toContain('แถว 3');
    const firstName = IMPORTERS.producers.columns.findIndex((c) => c.key === 'firstName') + 1;
    expect(String(sheet.getRow(2).getCell(firstName).value)).toBe('ผู้ผลิต72');
    const again = await upload(t, cookies['demo-district'], '/api/imports/producers', res.rawPayload);
    expect(again.status).toBe(201);
    expect(again.body.report.rows).toHaveLength(1);
  });
});

describe('budget allocations', () => {
  const seedTable = () => workbook(['จังหวัด/อำเภอ', 'งบประมาณ'], [...SEED_ALLOCATION_ROWS, ['รวม', '41,100']]);

  it('the seed table: two suggestions to confirm (บุญศรี → บุณฑริก, ตาลชุม → ตาลสุม), commit, rollback', async () => {
    const itemId = await fundedUbonActivity(nation, 2569);
    const url = `/api/imports/allocations?itemId=${itemId}&quarter=3&category=materials`;
    const dry = await upload(t, cookies['demo-province'], url, await seedTable());
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    const suggestions = Object.fromEntries(dry.body.report.suggestions.map((s: any) => [s.text, s.suggestions[0].code]));
    expect(suggestions).toEqual({ บุญศรี: '3410', ตาลชุม: '3420' });
    expect(dry.body.counts).toMatchObject({ total: 27, create: 26, skip: 1, reject: 0, pending: 2 });
    expect(dry.body.report.rows[0].unitCode).toBe('34');

    const { batch } = await commitJob(province, dry.body, { places: suggestions });
    expect(batch.status).toBe('committed');
    const register = (await province.call('GET', `/api/budget/items/${itemId}/register?unit=34`)).body;
    expect(register.remainderSatang).toBe('0');
    expect(register.rows.find((r: any) => r.unitCode === '3410').amountSatang).toBe('150000');

    const rolled = await province.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await province.call('GET', `/api/budget/items/${itemId}/register?unit=34`)).body.remainderSatang).toBe('4110000');
  });

  it('an unconfirmed suggestion is not imported; a district named outside the province is rejected', async () => {
    const itemId = await fundedUbonActivity(nation, 2569);
    const file = await workbook(
      ['จังหวัด/อำเภอ', 'งบประมาณ'],
      [
        ['บุญศรี', '1,500'],
        ['เมืองศรีสะเกษ', '1,500'],
        ['เขมราฐ', '1,500'],
      ],
    );
    const dry = (
      await upload(t, cookies['demo-province'], `/api/imports/allocations?itemId=${itemId}&quarter=3&category=materials`, file)
    ).body;
    expect(dry.report.rows[1].action).toBe('reject');
    const { batch } = await commitJob(province, dry);
    expect(batch.report.rows.map((r: any) => r.action)).toEqual(['reject', 'reject', 'create']);
    expect(batch.report.rows[0].problems[0].code).toBe('import.place_unconfirmed');
  });

  it('refuses a rollback when an imported allocation was reversed since', async () => {
    const itemId = await fundedUbonActivity(nation, 2569);
    const file = await workbook(
      ['จังหวัด/อำเภอ', 'งบประมาณ'],
      [
        ['เขมราฐ', '1,500'],
        ['เดชอุดม', '1,500'],
      ],
    );
    const dry = (
      await upload(t, cookies['demo-province'], `/api/imports/allocations?itemId=${itemId}&quarter=3&category=materials`, file)
    ).body;
    const { batch } = await commitJob(province, dry);
    const [made] = await t.rows(`select record_id from import_batch_rows where batch_id = ${batch.id} order by line limit 1`);
    expect(
      (await province.call('POST', `/api/budget/allocations/${made.record_id}/reverse`, { note: 'อำเภอไม่ดำเนินการ' })).status,
    ).toBe(201);
    const refused = await province.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version });
    expect(refused.status).toBe(409);
    expect(refused.body.th).toContain('เขมราฐ');
    expect(await count(`select count(*) n from allocations where item_id = ${itemId}`)).toBe(4);
  });

  it('a district may not import allocations (403); the template downloads with its Thai headers', async () => {
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/allocations?itemId=1&quarter=3&category=materials',
      await workbook(['จังหวัด/อำเภอ', 'งบประมาณ'], [['เขมราฐ', '1']]),
    );
    expect(res.status).toBe(403);
    const template = await t.as(cookies['demo-province'], { method: 'GET', url: '/api/imports/allocations/template' });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as never);
    const cells = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(cells.some((c) => c.includes('จังหวัด/อำเภอ'))).toBe(true);
  });
});
