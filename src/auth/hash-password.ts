import { hashPassword } from './password';

/** `npm run admin:hash -- PASSWORD` prints a value for ADMIN_PASSWORD_HASH. */
async function main(): Promise<void> {
  const password = process.argv[2];
  if (!password || password.length < 12) {
    process.stderr.write('usage: npm run admin:hash -- PASSWORD   (at least 12 characters)\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
