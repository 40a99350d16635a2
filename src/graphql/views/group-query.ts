import type { EntityManager } from "typeorm";
import { InvalidInputError } from "../../errors";
import { refuseIdentifyingUse } from "../../modules/access/deidentified";
import type { ListRequest, ListSpec, Row, Stats } from "./list-query";
import { filteredQuery, selectStats, statsOf } from "./list-query";
import { Parameters } from "./sql-condition";

/** A table joined to reach a grouping dimension; joins with the same alias are added once. */
export interface GroupJoin {
  entity: Function;
  alias: string;
  on: string;
}

export interface GroupDimension {
  joins: GroupJoin[];
  expression: string;
  /** Sort expression of the groups, when not the value itself (e.g. visits by study day). */
  order?: string;
}

export interface GroupResult {
  key: Record<string, string | null>;
  count: number;
  stats: Record<string, Stats>;
}

export const MAX_GROUPS = 1000;

/**
 * count and min/max/mean of the numeric fields per combination of dimensions, in one
 * `GROUP BY` statement honouring the same filter as the list.
 */
export async function groupRows<T extends Row>(
  manager: EntityManager,
  spec: ListSpec<T>,
  dimensions: Record<string, GroupDimension>,
  by: string[],
  request: ListRequest,
): Promise<GroupResult[]> {
  if (by.length === 0) throw new InvalidInputError([{ field: "by", message: "by must name at least one dimension", allowed: Object.keys(dimensions).join(", ") }]);
  if (request.deidentified) refuseIdentifyingUse(manager.connection.getMetadata(spec.entity).name, {}, by);
  const params = new Parameters();
  const qb = filteredQuery(manager, spec, request, params);
  const joined = new Set<string>();
  by.forEach((name, i) => {
    for (const join of dimensions[name].joins) {
      if (!joined.has(join.alias)) qb.leftJoin(join.entity, join.alias, join.on);
      joined.add(join.alias);
    }
    const select = i === 0 ? qb.select.bind(qb) : qb.addSelect.bind(qb);
    select(dimensions[name].expression, `key${i}`);
    qb.addGroupBy(dimensions[name].expression).addOrderBy(dimensions[name].order ?? dimensions[name].expression, "ASC");
  });
  qb.addSelect("COUNT(*)", "count");
  selectStats(qb, spec);
  const rows = (await qb.setParameters(params.values).limit(MAX_GROUPS + 1).getRawMany()) as Record<string, unknown>[];
  if (rows.length > MAX_GROUPS) throw new InvalidInputError([{ field: "by", message: `by gives more than ${MAX_GROUPS} groups: group by fewer dimensions or filter first` }]);
  return rows.map((raw) => ({
    key: Object.fromEntries(by.map((name, i) => [name, raw[`key${i}`] === null ? null : String(raw[`key${i}`])])),
    count: Number(raw.count),
    stats: statsOf(raw, spec),
  }));
}
