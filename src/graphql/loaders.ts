import DataLoader from "dataloader";
import { In } from "typeorm";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

type Row = ObjectLiteral & { id: number };

/**
 * Per-request DataLoaders, one per (entity, relation), created on first use. Each batches the keys
 * asked for in one tick into a single `WHERE column IN (...)`, so a nested list costs one query per
 * level instead of one per row.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<number, unknown>>();

  constructor(private readonly manager: EntityManager) {}

  /** Rows of `entity` by primary key. */
  byId<T extends Row>(entity: EntityTarget<T>): DataLoader<number, T | undefined> {
    return this.loader(entity, "id", async (ids) => {
      const rows = await this.manager.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    });
  }

  /** Rows of `entity` whose `column` equals each key, ordered by `orderBy` then id. */
  manyBy<T extends Row>(entity: EntityTarget<T>, column: keyof T & string, orderBy?: keyof T & string): DataLoader<number, T[]> {
    return this.loader(entity, `${column}>${orderBy ?? ""}`, async (keys) => {
      const order = { ...(orderBy ? { [orderBy]: "ASC" } : {}), id: "ASC" };
      const rows = await this.manager.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
      const grouped = new Map<number, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) grouped.get(row[column] as number)?.push(row);
      return keys.map((key) => grouped.get(key)!);
    });
  }

  /** A loader for any batch function, shared within the request under `name` (which must encode its arguments). */
  keyed<V>(name: string, batch: (keys: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
    let loader = this.cache.get(name) as DataLoader<number, V> | undefined;
    if (!loader) {
      loader = new DataLoader<number, V>(batch, { maxBatchSize: 500 });
      this.cache.set(name, loader as DataLoader<number, unknown>);
    }
    return loader;
  }

  private loader<V>(entity: EntityTarget<ObjectLiteral>, relation: string, batch: (keys: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
    const name = `${this.manager.getRepository(entity).metadata.name}.${relation}`;
    let loader = this.cache.get(name) as DataLoader<number, V> | undefined;
    if (!loader) {
      loader = new DataLoader<number, V>(batch, { maxBatchSize: 500 });
      this.cache.set(name, loader as DataLoader<number, unknown>);
    }
    return loader;
  }
}
