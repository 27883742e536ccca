import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { hashPassword, verifyPassword } from './password';

export interface AdminCredentials {
  readonly enabled: boolean;
  check(user: string, password: string): Promise<boolean>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** ADMIN_PASSWORD_HASH as given, or ADMIN_PASSWORD hashed once at boot so it is never compared raw. */
export function adminCredentials(config: Config): AdminCredentials {
  const { user, passwordHash, password } = config.admin;
  const stored: Promise<string | null> = passwordHash
    ? Promise.resolve(passwordHash)
    : password
      ? hashPassword(password)
      : Promise.resolve(null);
  // Keeps a failed boot-time hash from becoming an unhandled rejection; check() reports it.
  stored.catch(() => undefined);
  return {
    enabled: Boolean(passwordHash || password),
    async check(givenUser, givenPassword) {
      const hash = await stored;
      if (!hash) return false;
      const userMatches = timingSafeEqual(digest(givenUser), digest(user));
      // The password is checked even for a wrong user name, so timing does not reveal which.
      const passwordMatches = await verifyPassword(givenPassword, hash);
      return userMatches && passwordMatches;
    },
  };
}
