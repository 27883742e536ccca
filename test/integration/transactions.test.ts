import { isAbortedTransactionError, sql } from 'kysely';
import { useMigratedApp } from '../support/app';
import { unique } from '../support/factories';

// The same behaviour on both databases: PGlite goes through Kysely's own Postgres driver.
const { db } = useMigratedApp();

const paper = (title: string) => ({ title, authors: ['T. Ransaction'] });

async function titlesLike(prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('paper')
    .select('title')
    .where('title', 'like', `${prefix}%`)
    .orderBy('title')
    .execute();
  return rows.map((r) => r.title);
}

describe('transactions', () => {
  test('when a transaction rolls back to a savepoint, then only the writes after it are undone', async () => {
    const prefix = unique('Savepoint');
    const trx = await db.startTransaction().execute();
    await trx
      .insertInto('paper')
      .values(paper(`${prefix} a`))
      .execute();
    const afterA = await trx.savepoint('after_a').execute();
    await afterA
      .insertInto('paper')
      .values(paper(`${prefix} b`))
      .execute();
    await afterA.rollbackToSavepoint('after_a').execute();
    await afterA
      .insertInto('paper')
      .values(paper(`${prefix} c`))
      .execute();
    await afterA.commit().execute();
    expect(await titlesLike(prefix)).toEqual([`${prefix} a`, `${prefix} c`]);
  });

  test('when a statement fails after a savepoint, then rolling back to it lets the transaction go on', async () => {
    const prefix = unique('Recover');
    await db
      .insertInto('paper')
      .values(paper(`${prefix} taken`))
      .execute();
    const arxivId = `2599.${Math.floor(Math.random() * 90000) + 10000}`;
    await db
      .updateTable('paper')
      .set({ arxiv_id: arxivId })
      .where('title', '=', `${prefix} taken`)
      .execute();

    const trx = await db.startTransaction().execute();
    const saved = await trx.savepoint('before_duplicate').execute();
    await expect(
      saved
        .insertInto('paper')
        .values({ ...paper(`${prefix} duplicate`), arxiv_id: arxivId })
        .execute(),
    ).rejects.toThrow(/duplicate key/);
    const recovered = await saved.rollbackToSavepoint('before_duplicate').execute();
    await recovered
      .insertInto('paper')
      .values(paper(`${prefix} after`))
      .execute();
    await recovered.commit().execute();
    expect(await titlesLike(prefix)).toEqual([`${prefix} after`, `${prefix} taken`]);
  });

  test('when a savepoint is released and the transaction rolls back, then nothing is kept', async () => {
    const prefix = unique('Released');
    const trx = await db.startTransaction().execute();
    const saved = await trx.savepoint('inner').execute();
    await saved
      .insertInto('paper')
      .values(paper(`${prefix} inner`))
      .execute();
    const released = await saved.releaseSavepoint('inner').execute();
    await released.rollback().execute();
    expect(await titlesLike(prefix)).toEqual([]);
  });

  test('when a failed statement is swallowed inside a transaction, then the commit throws and nothing is kept', async () => {
    const prefix = unique('Aborted');
    const committing = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('paper')
        .values(paper(`${prefix} first`))
        .execute();
      await sql`select 1 / 0`.execute(trx).catch(() => undefined);
    });
    const error = await committing.catch((e: unknown) => e);
    expect(isAbortedTransactionError(error)).toBe(true);
    expect(await titlesLike(prefix)).toEqual([]);
  });

  test('when a transaction is read only, then a write in it is refused', async () => {
    const prefix = unique('Read only');
    await expect(
      db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => trx.insertInto('paper').values(paper(prefix)).execute()),
    ).rejects.toThrow(/read-only transaction/);
    expect(await titlesLike(prefix)).toEqual([]);
  });

  test('when raw SQL updates rows, then the result counts them', async () => {
    const prefix = unique('Raw');
    await db
      .insertInto('paper')
      .values([paper(`${prefix} 1`), paper(`${prefix} 2`)])
      .execute();
    const result =
      await sql`update paper set venue = 'Raw' where title like ${`${prefix}%`}`.execute(db);
    expect(result.numAffectedRows).toBe(2n);
  });
});
