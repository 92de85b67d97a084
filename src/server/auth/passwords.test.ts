/**
 * The production cost of password hashing. Test databases store the demo accounts' password at argon2's lowest
 * cost (src/server/test/global-setup.ts), so this file is where the real cost is held in place.
 */
import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';

const PRODUCTION = '$argon2id$v=19$m=19456,t=2,p=1$';

describe('password hashes', () => {
  it('are argon2id at OWASP’s minimum (19 MiB, 2 passes), as is the dummy hash unknown usernames are checked against', async () => {
    const stored = await hashPassword('ฐานราก-ทดสอบ-2569');
    expect(stored.startsWith(PRODUCTION)).toBe(true);
    expect(DUMMY_HASH.startsWith(PRODUCTION)).toBe(true);
    expect(await verifyPassword(stored, 'ฐานราก-ทดสอบ-2569')).toBe(true);
    expect(await verifyPassword(stored, 'ฐานราก-ทดสอบ-2568')).toBe(false);
    expect(await hashPassword('ฐานราก-ทดสอบ-2569')).not.toBe(stored);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
