import type { EntityManager, EntityTarget } from "typeorm";
import { conflict } from "../../errors";
import { toGlobalId } from "../../graphql/global-id";
import type { VersionedRecord } from "./record-base";

type Versioned = VersionedRecord & { id: number };

/**
 * Writes `changes` only if the record is still at `expectedVersion`, and moves it to the next
 * version, in one compare-and-set UPDATE: of two writers that read the same version, the second
 * finds no row to update (on PostgreSQL it waits for the first to commit) and gets CONFLICT.
 * Returns the record as written (removed or not).
 */
export async function writeVersioned<T extends Versioned>(manager: EntityManager, entity: EntityTarget<T>, record: T, expectedVersion: number, changes: Partial<T>): Promise<T> {
  const name = manager.connection.getMetadata(entity).name;
  if (record.version !== expectedVersion) throw conflict(name, toGlobalId(name, record.id), expectedVersion, record.version);
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: expectedVersion + 1 } as object)
    .where(`"id" = :id AND "version" = :expectedVersion`, { id: record.id, expectedVersion })
    .execute();
  if (result.affected !== 1) {
    const current = await manager.findOne(entity, { where: { id: record.id } as object, withDeleted: true });
    throw conflict(name, toGlobalId(name, record.id), expectedVersion, current?.version ?? null);
  }
  // The row is now exactly the record with the changes: built here rather than read again (the write
  // holds the row, and no column of a record is computed by the database). A JSON column holds what
  // JSON keeps of the value (no undefined keys), as a read would return it.
  const written: Record<string, unknown> = { ...changes };
  for (const column of manager.connection.getMetadata(entity).columns) {
    const value = written[column.propertyName];
    if (column.type === "simple-json" && value !== undefined && value !== null) written[column.propertyName] = JSON.parse(JSON.stringify(value));
  }
  return Object.assign(manager.create(entity), record, written, { version: expectedVersion + 1 });
}
