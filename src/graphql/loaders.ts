import DataLoader from "dataloader";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { SiteScope } from "../modules/access/access";
import { scopeCondition } from "../modules/access/site-scope";
import { Parameters } from "./views/sql-condition";

type Row = ObjectLiteral & { id: number };

/**
 * Per-request DataLoaders, one per (entity, relation), created on first use. Each batches the keys
 * asked for in one tick into a single `WHERE column IN (...)`, so a nested list costs one query per
 * level instead of one per row. Every load is limited to the caller's site scope: a row of a site the
 * caller may not read is never loaded, whichever edge of the graph leads to it.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<number, unknown>>();

  constructor(
    private readonly manager: EntityManager,
    private readonly scope: SiteScope | null,
  ) {}

  /**
   * Rows of `entity` by primary key (undefined when absent or outside the caller's scope). Removed
   * records are loaded too, so that `node(id)` shows them; lists (manyBy) leave them out.
   */
  byId<T extends Row>(entity: EntityTarget<T>): DataLoader<number, T | undefined> {
    return this.loader(entity, "id", async (ids) => {
      const rows = await this.query(entity, "id", ids).withDeleted().getMany();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    });
  }

  /** Rows of `entity` whose `column` equals each key, ordered by `orderBy` then id. */
  manyBy<T extends Row>(entity: EntityTarget<T>, column: keyof T & string, orderBy?: keyof T & string): DataLoader<number, T[]> {
    return this.loader(entity, `${column}>${orderBy ?? ""}`, async (keys) => {
      const qb = this.query(entity, column, keys);
      if (orderBy) qb.orderBy(`"row"."${orderBy}"`, "ASC").addOrderBy(`"row"."id"`, "ASC");
      else qb.orderBy(`"row"."id"`, "ASC");
      const rows = await qb.getMany();
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

  private query<T extends Row>(entity: EntityTarget<T>, column: string, keys: readonly number[]) {
    const params = new Parameters();
    const qb = this.manager.createQueryBuilder(entity, "row").where(`"row"."${column}" IN ${params.bindList([...keys])}`);
    const scoped = scopeCondition(this.manager.getRepository(entity).metadata.name, "row", this.scope, params);
    if (scoped) qb.andWhere(scoped);
    return qb.setParameters(params.values);
  }

  private loader<V>(entity: EntityTarget<ObjectLiteral>, relation: string, batch: (keys: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
    return this.keyed(`${this.manager.getRepository(entity).metadata.name}.${relation}`, batch);
  }
}
