/**
 * Protection of citizen IDs (PDPA): AES-256-GCM at rest, an HMAC for finding duplicates without
 * decrypting, and the last 4 digits for display. One 32-byte data key, from THANRAK_DATA_KEY or,
 * for the embedded database only, a key file created beside a new data folder. The database keeps the key's
 * fingerprint so a wrong or missing key refuses to start; `npm run key:rotate` changes the key.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from './access/actor';
import { auditEvent } from './audit/audit';
import type { Db, Tx } from './db/client';
import { people, systemSettings } from './db/schema';
import { AppError } from './errors';

const subkey = (key: Buffer, purpose: string) => createHmac('sha256', key).update(purpose).digest();

export function citizenIdHash(key: Buffer, citizenId: string): string {
  return createHmac('sha256', subkey(key, 'citizen-id-hash')).update(citizenId).digest('hex');
}

export function encryptCitizenId(key: Buffer, citizenId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subkey(key, 'citizen-id-encrypt'), iv);
  const data = Buffer.concat([cipher.update(citizenId, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

export function decryptCitizenId(key: Buffer, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', subkey(key, 'citizen-id-encrypt'), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

export function parseDataKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('THANRAK_DATA_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

/** The embedded database's key file: beside the data folder, `<DATA_DIR>.key`. */
export const keyFilePath = (dataDir: string) => `${dataDir.replace(/\/+$/, '')}.key`;

/** Where each key came from, for messages; a key made for a missing file is written only once the database accepts it. */
const keySources = new WeakMap<Buffer, { keyFile: string; unsaved: boolean }>();

/**
 * The key from the environment; else, for the embedded database only, its key file. A missing key file gives a
 * new key that is NOT written yet: `ensureDataKey` writes it only for a database that holds no encrypted data,
 * so a restored folder without its key file refuses to start instead of running with a new key.
 */
export function dataKeyFor(settings: { dataKey?: Buffer; databaseUrl?: string; dataDir: string }): Buffer {
  if (settings.dataKey) return settings.dataKey;
  if (settings.databaseUrl) throw new AppError('config.data_key_missing');
  const keyFile = keyFilePath(settings.dataDir);
  if (existsSync(keyFile)) {
    const key = parseDataKey(readFileSync(keyFile, 'utf8').trim());
    keySources.set(key, { keyFile, unsaved: false });
    return key;
  }
  const key = randomBytes(32);
  keySources.set(key, { keyFile, unsaved: true });
  return key;
}

const FINGERPRINT = 'data_key_fingerprint';

/** Identifies a key without revealing it: an HMAC of a fixed label under the key. */
export const keyFingerprint = (key: Buffer) => createHmac('sha256', key).update('thanrak data key fingerprint v1').digest('hex');

const short = (fingerprint: string | null) => (fingerprint ? fingerprint.slice(0, 16) : '-');

function mismatch(key: Buffer, expected: string | null): AppError {
  const source = keySources.get(key);
  if (source?.unsaved) return new AppError('config.data_key_file_missing', { params: { keyFile: source.keyFile } });
  return new AppError('config.data_key_mismatch', {
    params: { keySource: source?.keyFile ?? 'THANRAK_DATA_KEY', expected: short(expected), actual: short(keyFingerprint(key)) },
  });
}

async function storedFingerprint(db: Db | Tx): Promise<string | null> {
  const [row] = await db.select().from(systemSettings).where(eq(systemSettings.name, FINGERPRINT));
  return row?.value ?? null;
}

/** Fails unless `key` opens this database's citizen IDs (by its fingerprint, or one sealed ID when it has none yet). */
async function verifyKey(db: Db | Tx, key: Buffer): Promise<'fingerprint' | 'data' | 'empty'> {
  const expected = await storedFingerprint(db);
  if (expected) {
    if (expected !== keyFingerprint(key)) throw mismatch(key, expected);
    return 'fingerprint';
  }
  // A database from before fingerprints: one sealed ID tells whether the key is right.
  const [sample] = await db
    .select({ sealed: people.citizenIdEncrypted })
    .from(people)
    .where(isNotNull(people.citizenIdEncrypted))
    .limit(1);
  if (!sample?.sealed) return 'empty';
  try {
    decryptCitizenId(key, sample.sealed);
  } catch {
    throw mismatch(key, null);
  }
  if (keySources.get(key)?.unsaved) throw mismatch(key, null);
  return 'data';
}

/**
 * At start: refuses a key that is not this database's (a clear Thai and English message, no silent new key);
 * records the fingerprint when the database has none; writes a newly made key file for a new database.
 */
export async function ensureDataKey(db: Db, key: Buffer): Promise<void> {
  if ((await verifyKey(db, key)) === 'fingerprint') return;
  const source = keySources.get(key);
  if (source?.unsaved) {
    writeFileSync(source.keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    source.unsaved = false;
  }
  await db
    .insert(systemSettings)
    .values({ name: FINGERPRINT, value: keyFingerprint(key) })
    .onConflictDoNothing();
  // Two nodes starting at once with different keys: only one fingerprint wins, the other node refuses.
  const stored = await storedFingerprint(db);
  if (stored !== keyFingerprint(key)) throw mismatch(key, stored);
}

/** Fails unless `key` is the one the database expects (for backup restore and key rotation). */
export async function checkDataKey(db: Db | Tx, key: Buffer): Promise<void> {
  await verifyKey(db, key);
}

/** Fingerprint a database holds, for tools that compare without a key (e.g. a restore). */
export const databaseKeyFingerprint = (db: Db | Tx) => storedFingerprint(db);

/**
 * Re-encrypts every citizen ID and recomputes every duplicate-finding hash under `newKey`, and records the new
 * fingerprint, in one transaction; writers on `people` wait meanwhile. Returns how many people were changed.
 */
export async function rotateDataKey(db: Db, oldKey: Buffer, newKey: Buffer): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${people} in share row exclusive mode`);
    await verifyKey(tx, oldKey);
    const rows = await tx
      .select({ id: people.id, sealed: people.citizenIdEncrypted })
      .from(people)
      .where(isNotNull(people.citizenIdEncrypted))
      .orderBy(people.id);
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map(({ id, sealed }) => {
        const citizenId = decryptCitizenId(oldKey, sealed!);
        return sql`(${id}::integer, ${encryptCitizenId(newKey, citizenId)}::text, ${citizenIdHash(newKey, citizenId)}::text)`;
      });
      await tx.execute(sql`
        update ${people} set citizen_id_encrypted = v.sealed, citizen_id_hash = v.hash
        from (values ${sql.join(values, sql`, `)}) as v(id, sealed, hash) where ${people.id} = v.id`);
    }
    const fingerprint = keyFingerprint(newKey);
    await tx
      .insert(systemSettings)
      .values({ name: FINGERPRINT, value: fingerprint })
      .onConflictDoUpdate({ target: systemSettings.name, set: { value: fingerprint, updatedAt: sql`now()` } });
    await auditEvent(tx, SYSTEM_ACTOR, {
      action: 'data_key.rotate',
      entity: 'system_settings',
      entityId: FINGERPRINT,
      orgUnitCode: 'TH',
      after: { people: rows.length, fingerprint: short(fingerprint) },
    });
    return rows.length;
  });
}
