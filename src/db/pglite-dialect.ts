import type { PGlite } from '@electric-sql/pglite';
import {
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';

/**
 * PGlite is one connection. Kysely may ask for a connection while another request holds it
 * inside a transaction, so connections are handed out one at a time behind a queue.
 */
class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

class PGliteClient implements PostgresPoolClient {
  constructor(
    private readonly client: PGlite,
    readonly release: () => void,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely asks for a cursor only when the dialect is given one, which neither of ours is.
    if (typeof sql !== 'string') throw new Error('PGlite has no cursors');
    return this.client.query<R>(sql, [...parameters]).then((result) => ({
      command: result.command as PostgresQueryResult<R>['command'],
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows,
    }));
  }
}

/** A pool of the one PGlite connection, in the shape of a `pg` pool. */
class PGlitePool implements PostgresPool {
  private readonly lock = new ConnectionLock();

  constructor(private readonly client: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    await this.client.waitReady;
    return new PGliteClient(this.client, await this.lock.acquire());
  }

  async end(): Promise<void> {
    if (!this.client.closed) await this.client.close();
  }
}

/**
 * PGlite through Kysely's own Postgres driver, so that transactions behave as they do on a `pg`
 * pool: savepoints (nested transactions), read-only and isolation settings, affected-row counts
 * of raw SQL, and a commit that Postgres turned into a rollback throwing AbortedTransactionError.
 */
export class PGliteDialect extends PostgresDialect {
  constructor(client: PGlite) {
    super({ pool: new PGlitePool(client) });
  }
}
