import type { Db } from './client';

/** The handle a transaction callback gets: the same query API as Db, bound to one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either the database or an open transaction: repository functions take this so services decide the boundary. */
export type Queryable = Db | Tx;

/**
 * Runs `work` in one transaction: everything it writes commits together or not at all (a state change and its
 * audit row, an import batch). A thrown error rolls back and is rethrown unchanged.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
