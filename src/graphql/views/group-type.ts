import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { NumberStats } from "./page-info";
import type { GroupResult } from "./group-query";

const camel = (name: string) => name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `XGroupField` (the dimensions), `XGroupKey` and `XGroup` for an entity's group-by query: one row per
 * combination of the chosen dimensions with its count and numeric statistics.
 */
export function groupTypes(name: string, dimensions: Record<string, string>, statFields: string[]) {
  const GroupField = Object.fromEntries(Object.keys(dimensions).map((d) => [d, d]));
  registerEnumType(GroupField, {
    name: `${name}GroupField`,
    valuesConfig: Object.fromEntries(Object.entries(dimensions).map(([d, description]) => [d, { description }])),
  });

  @ObjectType(`${name}GroupKey`, { description: "The values of the dimensions grouped by; dimensions not grouped by are null." })
  class GroupKey {}
  for (const dimension of Object.keys(dimensions)) Field(() => String, { nullable: true })(GroupKey.prototype, camel(dimension));

  @ObjectType(`${name}Group`)
  class Group {
    @Field(() => GroupKey)
    key: GroupKey;

    @Field(() => Int)
    count: number;
  }
  for (const field of statFields) Field(() => NumberStats)(Group.prototype, field);

  const toGroup = (result: GroupResult) =>
    Object.assign(new Group(), {
      key: Object.assign(new GroupKey(), Object.fromEntries(Object.entries(result.key).map(([d, v]) => [camel(d), v]))),
      count: result.count,
      ...Object.fromEntries(Object.entries(result.stats).map(([k, v]) => [k, Object.assign(new NumberStats(), v)])),
    });
  return { GroupField, Group, toGroup };
}
