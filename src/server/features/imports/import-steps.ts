/**
 * Test steps shared by the import test files: one test context per file with the demo accounts signed in, and the
 * steps of an import (commit as a job, rollback, the records a batch wrote, a template read back, a file of 3401
 * refused to an officer of 3415).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { runQueuedJobs } from '../../jobs/jobs';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { citizenId, upload } from './import-fixtures';

export type Api = ReturnType<typeof api>;

let serial = 0;
/** A name unique in this run. */
export const unique = (prefix: string) => `${prefix}${Date.now() % 100000}${++serial}`;

/**
 * Opens the file's test context before its tests (the given demo accounts signed in) and closes it after. What it
 * returns may be taken apart at module level: `t` and the signed-in clients reach the context opened in beforeAll.
 */
export function importSuite(logins: readonly string[] = ['demo-district', 'demo-district-2']) {
  let opened: TestContext | undefined;
  const context = () => {
    if (!opened) throw new Error('the import suite is used before its beforeAll');
    return opened;
  };
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    opened = await createTestContext();
    for (const name of logins) cookies[name] = await opened.login(name);
  });
  afterAll(() => context().close());

  const t: TestContext = {
    get app() {
      return context().app;
    },
    get database() {
      return context().database;
    },
    login: (username, password) => context().login(username, password),
    as: (cookie, options) => context().as(cookie, options),
    rows: (query) => context().rows(query),
    close: () => context().close(),
  };
  /** An API client signed in as a demo account (its session read at each use). */
  const signedIn = (name: string): Api =>
    new Proxy({} as Api, { get: (_, key) => api(context(), cookies[name])[key as keyof Api] });
  const district = signedIn('demo-district');

  const count = async (sql: string) => Number((await t.rows(sql))[0].n);

  /** Commits a dry-run batch and runs the queued job; the job as it ended and the batch after it. */
  async function commitJob(who: Api, batch: any, decisions: object = {}) {
    const res = await who.call('POST', `/api/imports/batches/${batch.id}/commit`, { version: batch.version, ...decisions });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await runQueuedJobs(t.database.db, t.app.jobHandlers);
    const job = await who.call('GET', `/api/jobs/${res.body.jobId}`);
    return { job: job.body, batch: (await who.call('GET', `/api/imports/batches/${batch.id}`)).body };
  }
  /** Commits a dry-run batch, expects its job done, and returns the batch after it. */
  async function commit(who: Api, batch: any, decisions: object = {}) {
    const done = await commitJob(who, batch, decisions);
    expect(done.job.status, JSON.stringify(done.job.error)).toBe('done');
    return done.batch;
  }
  const rollback = (batch: any) => district.call('POST', `/api/imports/batches/${batch.id}/rollback`, { version: batch.version });
  /** The ids of the records of `table` a batch wrote, in file order. */
  const written = async (batchId: number, table: string) =>
    (
      await t.rows(
        `select record_id from import_batch_rows where batch_id = ${batchId} and table_name = '${table}' order by line`,
      )
    ).map((r: any) => Number(r.record_id));

  /** Uploads a file to the kind's import as the officer of 3401 (demo-district) and expects its dry run made. */
  async function dryRun(kind: string, file: Buffer) {
    const res = await upload(t, cookies['demo-district'], `/api/imports/${kind}`, file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res;
  }

  /** A person of 3401 entered on the people page, with or without a citizen ID; named `<first>…` `<last>`. */
  async function personOnPage(name: { first: string; last: string }, withId = true) {
    const id = citizenId();
    const body = { orgUnitCode: '3401', title: 'นาย', firstName: unique(name.first), lastName: name.last, subdistrict: 'ในเมือง' };
    const res = await district.call('POST', '/api/people', withId ? { ...body, citizenId: id } : body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as number, citizenId: id, firstName: body.firstName, lastName: body.lastName };
  }

  /** The kind's template downloads, and uploaded as it is every header is found and the example row is not data. */
  async function expectTemplateReadsBack(kind: string) {
    const template = await t.as(cookies['demo-district'], { method: 'GET', url: `/api/imports/${kind}/template` });
    expect(template.statusCode).toBe(200);
    const again = await upload(t, cookies['demo-district'], `/api/imports/${kind}`, template.rawPayload);
    // Every column found (no import.missing_columns); the example row is not taken for data.
    expect([again.status, again.body.code]).toEqual([422, 'import.empty']);
  }

  /**
   * Uploads a file as the officer of 3415 (demo-district-2) and commits it; no record of `table` in 3401 is written.
   * The dry run and the batch after the commit, for the caller's checks of each row.
   */
  async function importAsOtherDistrict(kind: string, table: string, file: Buffer) {
    const where = `from ${table} where org_unit_code = '3401'`;
    const before = await count(`select count(*) n ${where}`);
    const res = await upload(t, cookies['demo-district-2'], `/api/imports/${kind}`, file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const batch = await commit(signedIn('demo-district-2'), res.body);
    expect(await count(`select count(*) n ${where}`)).toBe(before);
    return { dry: res.body, batch };
  }

  return {
    t,
    cookies,
    district,
    signedIn,
    count,
    commitJob,
    commit,
    rollback,
    written,
    dryRun,
    personOnPage,
    expectTemplateReadsBack,
    importAsOtherDistrict,
  };
}
