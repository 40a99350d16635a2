import { Field, InputType } from "type-graphql";
import type { ClassType } from "type-graphql";
import type { OrderInput } from "./list-query";
import { OrderDirection } from "./page-info";

/** `XRelationFilter { some every none }` over a `XWhere`, for filtering through a to-many relation. */
export function relationFilterType<W extends object>(where: ClassType<W>, name: string) {
  @InputType(`${name}RelationFilter`, { description: `Filter on a related list of ${name} records.` })
  class RelationFilter {
    @Field(() => where, { nullable: true, description: "At least one matches." }) some?: W;
    @Field(() => where, { nullable: true, description: "All match (true when there are none)." }) every?: W;
    @Field(() => where, { nullable: true, description: "None matches." }) none?: W;
  }
  return RelationFilter;
}

/** `XOrder { field, direction }` for an enum of sortable fields (GitHub's ordering shape). */
export function orderType(fields: object, name: string): ClassType<OrderInput> {
  @InputType(`${name}Order`, { description: "Sort key; ties are broken by id. Missing values sort last in ascending order." })
  class Order {
    @Field(() => fields) field: string;
    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
  }
  return Order;
}
