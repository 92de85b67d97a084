/**
 * Protection of citizen IDs (PDPA): AES-256-GCM at rest, an HMAC for finding duplicates without
 * decrypting, and the last 4 digits for display. One 32-byte data key, from THANRAK_DATA_KEY or,
 * for the embedded database only, a key file created beside the data folder.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The embedded database's key file, created on first start (mode 0600). */
export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) return parseDataKey(readFileSync(path, 'utf8').trim());
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** The key from the environment; else, for the embedded database only, its key file. */
export function dataKeyFor(settings: { dataKey?: Buffer; databaseUrl?: string; dataDir: string }): Buffer {
  if (settings.dataKey) return settings.dataKey;
  if (settings.databaseUrl) throw new AppError('config.data_key_missing');
  return loadOrCreateKeyFile(`${settings.dataDir.replace(/\/+$/, '')}.key`);
}
