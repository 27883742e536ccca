import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost; r = 8 and p = 1 are fixed, so N alone is recorded in the hash. */
const DEFAULT_COST = 16384;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, cost: number, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$salt$hash`, salt and hash in base64: the format ADMIN_PASSWORD_HASH expects. */
export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `scrypt$${cost}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, costText, saltText, hashText] = stored.split('$');
  const cost = Number(costText);
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  // A power of two that a server can afford; anything else is a malformed hash.
  if (!Number.isInteger(cost) || cost < 2 || cost > 2 ** 20 || (cost & (cost - 1)) !== 0) {
    return false;
  }
  const expected = Buffer.from(hashText, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(saltText, 'base64'), cost, expected.length);
  return timingSafeEqual(actual, expected);
}
