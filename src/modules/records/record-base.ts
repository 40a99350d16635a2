import { Field, Int, InterfaceType } from "type-graphql";
import { Column, DeleteDateColumn } from "typeorm";

/** Columns that change with a record's lifecycle (version, a visit's state, removal), not with its data. */
export const LIFECYCLE_COLUMNS = new Set(["version", "state", "removedAt", "removalReason"]);

/**
 * A record changed only with optimistic concurrency: every write sends the version it read and
 * increments it, so a write based on a stale read gets CONFLICT instead of silently overwriting.
 */
@InterfaceType({ description: "A record changed with optimistic concurrency: send its version back as expectedVersion." })
export abstract class VersionedRecord {
  @Field(() => Int, { description: "Incremented by every change; send it back as expectedVersion to change the record." })
  @Column({ type: "integer", default: 1 })
  version: number;
}

/**
 * Clinical data is never deleted: a removed record keeps its row, stamped with when and why. Lists,
 * counts, aggregates and relation filters leave removed records out (TypeORM's delete-date column);
 * `node(id)` still returns them so they can be inspected and restored.
 */
@InterfaceType({ implements: VersionedRecord, description: "Clinical data that is removed with a reason, never deleted, and can be restored." })
export abstract class RemovableRecord extends VersionedRecord {
  @Field(() => Date, { nullable: true, description: "When the record was removed; null while it is part of the data." })
  @DeleteDateColumn({ nullable: true })
  removedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was removed." })
  @Column({ type: "varchar", nullable: true })
  removalReason: string | null;
}
