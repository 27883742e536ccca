import { z } from 'zod';

export const loginSchema = z.object({
  user: z
    .string({ error: 'Enter the admin user name.' })
    .trim()
    .min(1, 'Enter the admin user name.')
    .max(100, 'That user name is too long.'),
  password: z
    .string({ error: 'Enter the password.' })
    .min(1, 'Enter the password.')
    .max(200, 'That password is too long.'),
});

/** Only paths on this site, so the login form cannot be used to redirect elsewhere. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500
    ? value
    : '/moderation';
}
