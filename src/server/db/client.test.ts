import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createScratchDatabase } from '../test/harness';

const run = promisify(execFile);

// Reads at once inside a transaction, in a process of its own: node-postgres warns once per process, and a test
// process may have been warned already.
const READS_AT_ONCE_IN_A_TRANSACTION = `
  import { sql } from 'drizzle-orm';
  import { openDatabase } from './src/server/db/client.ts';
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  const answers = await database.db.transaction((tx) =>
    Promise.all([1, 2, 3, 4].map((n) => tx.execute(sql\`select \${n}::int as n, pg_sleep(0.02)\`))));
  console.log(JSON.stringify(answers.map((answer) => answer.rows[0].n)));
  await database.close();
`;

describe.runIf(inject('testDatabase').kind === 'postgresql')('PostgreSQL connections', () => {
  it('run the reads a transaction asks for at once one after another, without node-postgres warning', async () => {
    const scratch = await createScratchDatabase();
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', READS_AT_ONCE_IN_A_TRANSACTION],
        { env: { ...process.env, DATABASE_URL: scratch.url } },
      );
      expect(JSON.parse(stdout)).toEqual([1, 2, 3, 4]);
      expect(stderr).not.toContain('DeprecationWarning');
    } finally {
      await scratch.drop();
    }
  });
});
