import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { settings } from '../src/db/schema';
import { inTransaction } from '../src/db/transaction';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './support/databases';

for (const kind of testDatabaseKinds()) {
  describe(`transactions on ${kind}`, () => {
    let database: TestDatabase;
    before(async () => (database = await createTestDatabase(kind)));
    after(async () => database.dispose());

    it('commits everything the work wrote', async () => {
      await inTransaction(database.db, async (tx) => {
        await tx.insert(settings).values({ key: 'a', value: 1 });
        await tx.insert(settings).values({ key: 'b', value: 2 });
      });
      assert.equal((await database.db.select().from(settings)).length, 2);
    });

    it('writes nothing when the work fails half-way, and rethrows the error', async () => {
      await assert.rejects(
        inTransaction(database.db, async (tx) => {
          await tx.insert(settings).values({ key: 'c', value: 3 });
          throw new Error('second step failed');
        }),
        /second step failed/,
      );
      assert.deepEqual(await database.db.select().from(settings).where(eq(settings.key, 'c')), []);
    });
  });
}
