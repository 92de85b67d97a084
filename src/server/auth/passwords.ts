import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes): ~45 ms here, cheap for users, costly for guessing.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both cases take the same time. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$OLkXzvX731c1GgMGPx3jxw$DFQd4KDoB91Z5BlMvu1tTV+AjdoK42Lo55JpU/IWKAI';
