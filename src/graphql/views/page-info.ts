import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

@ObjectType({ description: "Minimum, maximum and mean of a numeric field over the filtered items; null when none has a value." })
export class NumberStats {
  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Int, { description: "Items with a value." })
  count: number;
}
