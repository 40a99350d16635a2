import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabases } from "../support/test-database";
import type { TestDatabase } from "../support/test-database";

describe.each(testDatabases)("migrations on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.drop());

  it("produce exactly the schema the entities describe", async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("can be reverted and re-applied", async () => {
    await db.dataSource.undoLastMigration();
    expect(await db.dataSource.showMigrations()).toBe(true);
    await db.dataSource.runMigrations();
    expect(await db.dataSource.showMigrations()).toBe(false);
  });
});
