import { randomBytes } from 'node:crypto';
import type { ParsedImport } from './import.types';

interface Pending {
  parsed: ParsedImport;
  fileName: string;
  owner: string;
  expiresAt: number;
}

/**
 * Parsed uploads waiting for the admin's confirmation, kept in this process for a short while.
 * Bounded in count and time; a confirmation that reaches another process (or comes too late)
 * finds nothing and asks for the upload again, so nothing is ever imported unpreviewed.
 */
export class PendingImports {
  private readonly entries = new Map<string, Pending>();

  constructor(
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly max = 20,
    private readonly clock: () => number = Date.now,
  ) {}

  put(parsed: ParsedImport, fileName: string, owner: string): string {
    this.prune();
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const token = randomBytes(18).toString('base64url');
    this.entries.set(token, { parsed, fileName, owner, expiresAt: this.clock() + this.ttlMs });
    return token;
  }

  /** The pending import, removed; only its owner (the admin session) can take it. */
  take(token: string, owner: string): { parsed: ParsedImport; fileName: string } | undefined {
    this.prune();
    const entry = this.entries.get(token);
    if (!entry || entry.owner !== owner) return undefined;
    this.entries.delete(token);
    return { parsed: entry.parsed, fileName: entry.fileName };
  }

  private prune(): void {
    const now = this.clock();
    for (const [token, entry] of this.entries)
      if (entry.expiresAt <= now) this.entries.delete(token);
  }
}
