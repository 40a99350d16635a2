import { Field, Int, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import type { Aggregate, PageResult } from "./list-query";
import { NumberStats, PageInfo } from "./page-info";

export interface ConnectionSource<T> {
  page: PageResult<T>;
  /** Run only when the client selects the field. */
  aggregate: () => Promise<Aggregate>;
}

export interface ConnectionClass<T> {
  new (source: ConnectionSource<T>): { edges: Array<{ cursor: string; node: T }>; nodes: T[] };
}

/**
 * `XConnection` and `XEdge` for a node type (Relay connections with PostGraphile's `nodes` shortcut),
 * with `totalCount` and `aggregates` computed only when selected and honouring the same filter.
 */
export function connectionType<T extends object>(name: string, node: ClassType<T>, statFields: string[], description: string): ConnectionClass<T> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Aggregates`, { description: `Aggregates over all ${description} matching the filter (all pages).` })
  class Aggregates {
    @Field(() => Int)
    count: number;
  }
  for (const field of statFields) Field(() => NumberStats)(Aggregates.prototype, field);

  @ObjectType(`${name}Connection`, { description: `A page of ${description}.` })
  class Connection {
    constructor(private readonly source: ConnectionSource<T>) {}

    @Field(() => [Edge])
    get edges(): Edge[] {
      return this.source.page.rows.map((row, i) => Object.assign(new Edge(), { cursor: this.source.page.cursors[i], node: row }));
    }

    @Field(() => [node])
    get nodes(): T[] {
      return this.source.page.rows;
    }

    @Field(() => PageInfo)
    get pageInfo(): PageInfo {
      const { cursors, hasNextPage, hasPreviousPage } = this.source.page;
      return Object.assign(new PageInfo(), { hasNextPage, hasPreviousPage, startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null });
    }

    @Field(() => Int, { description: "Items matching the filter across all pages; computed only when selected." })
    async totalCount(): Promise<number> {
      return (await this.source.aggregate()).count;
    }

    @Field(() => Aggregates, { description: "Computed only when selected, in one statement." })
    async aggregates(): Promise<Aggregates> {
      const { count, stats } = await this.source.aggregate();
      return Object.assign(new Aggregates(), { count, ...Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, Object.assign(new NumberStats(), v)])) });
    }
  }
  return Connection;
}
