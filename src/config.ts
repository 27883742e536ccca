import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SEED_ON_START: booleanFlag.default(true),
  TRUST_PROXY: booleanFlag.default(false),
  ADMIN_USER: z.string().min(1).max(100).default('admin'),
  ADMIN_PASSWORD_HASH: z
    .string()
    .regex(/^scrypt\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'must come from `npm run admin:hash`')
    .optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database:
    | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }
    | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly seedOnStart: boolean;
  readonly trustProxy: boolean;
  /** Moderation is off when neither a password hash nor a password is configured. */
  readonly admin: {
    readonly user: string;
    readonly passwordHash: string | null;
    readonly password: string | null;
  };
  readonly sessionSecret: string;
  readonly maxUploadBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  if (
    e.NODE_ENV === 'production' &&
    !e.SESSION_SECRET &&
    (e.ADMIN_PASSWORD_HASH || e.ADMIN_PASSWORD)
  ) {
    throw new ConfigError(['SESSION_SECRET: required in production when an admin is configured']);
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: Object.freeze(
      e.DATABASE_URL
        ? { kind: 'postgres' as const, url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
        : { kind: 'pglite' as const, dataDir: path.resolve(e.DATA_DIR) },
    ),
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
    trustProxy: e.TRUST_PROXY,
    admin: Object.freeze({
      user: e.ADMIN_USER,
      passwordHash: e.ADMIN_PASSWORD_HASH ?? null,
      password: e.ADMIN_PASSWORD ?? null,
    }),
    // Without a configured secret, sessions last until the process restarts.
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
  });
}
