/**
 * npm run key:rotate -- --new-key-file FILE   (or THANRAK_NEW_DATA_KEY=<base64>)
 * Re-encrypts every citizen ID and recomputes every duplicate-finding hash under the new key, and records the new
 * key's fingerprint, in one transaction. Stop every app node first (a node still running with the old key would
 * write with it). PGlite with a key file: the file is replaced and the old key kept as `<DATA_DIR>.key.previous`.
 * PostgreSQL or THANRAK_DATA_KEY: set THANRAK_DATA_KEY to the new key before starting the nodes again.
 * Backups made before the rotation still need the old key: keep it in escrow as long as those backups.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { targetFor } from '../db/setup';
import { readSettings } from '../env';
import { AppError, problemFor } from '../errors';
import { dataKeyFor, keyFilePath, keyFingerprint, parseDataKey, rotateDataKey } from '../personal-data';

const { values } = parseArgs({ options: { 'new-key-file': { type: 'string' } } });
const newKeyText = values['new-key-file']
  ? readFileSync(values['new-key-file'], 'utf8').trim()
  : process.env.THANRAK_NEW_DATA_KEY;
if (!newKeyText) {
  console.error('Usage: npm run key:rotate -- --new-key-file FILE (a base64 32-byte key: openssl rand -base64 32 > FILE)');
  process.exit(2);
}
const settings = readSettings();
try {
  const newKey = parseDataKey(newKeyText);
  const oldKey = dataKeyFor(settings);
  if (newKey.equals(oldKey)) throw new Error('the new key is the current key');
  const keyFile = !settings.databaseUrl && !settings.dataKey ? keyFilePath(settings.dataDir) : null;
  const database = await openDatabase(targetFor(settings));
  try {
    await migrateDatabase(database);
    // The new key reaches the disk before the database switches to it: a crash in between leaves FILE.key.new.
    if (keyFile) writeFileSync(`${keyFile}.new`, newKey.toString('base64'), { mode: 0o600 });
    const count = await rotateDataKey(database.db, oldKey, newKey).catch((error) => {
      if (keyFile) rmSync(`${keyFile}.new`, { force: true });
      throw error;
    });
    if (keyFile) {
      if (existsSync(keyFile)) renameSync(keyFile, `${keyFile}.previous`);
      renameSync(`${keyFile}.new`, keyFile);
    }
    console.log(`Re-encrypted ${count} citizen ID(s); new key fingerprint ${keyFingerprint(newKey).slice(0, 16)}`);
    console.log(
      keyFile
        ? `The key file ${keyFile} now holds the new key; the old one is ${keyFile}.previous (escrow it for old backups, then delete it)`
        : 'Set THANRAK_DATA_KEY to the new key on every app node before starting them again',
    );
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof AppError) {
    const problem = problemFor(error.code, error.params);
    console.error(`${problem.th}\n${problem.en}\n(${error.code})`);
  } else console.error(`Key rotation failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
