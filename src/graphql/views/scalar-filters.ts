import { Field, Float, ID, InputType, Int } from "type-graphql";
import type { ClassType } from "type-graphql";
import { LocalDate } from "../scalars";

/*
 * Typed, bounded filter operators (GitHub/Hasura vocabulary). Each filter input combines its
 * operators with AND; `isNull: true` matches missing values, `isNull: false` present ones.
 */

@InputType({ description: "Integer comparison." })
export class IntFilter {
  @Field(() => Int, { nullable: true }) eq?: number;
  @Field(() => Int, { nullable: true }) ne?: number;
  @Field(() => Int, { nullable: true }) gt?: number;
  @Field(() => Int, { nullable: true }) gte?: number;
  @Field(() => Int, { nullable: true }) lt?: number;
  @Field(() => Int, { nullable: true }) lte?: number;
  @Field(() => [Int], { nullable: true }) in?: number[];
  @Field(() => [Int], { nullable: true }) nin?: number[];
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: "Number comparison." })
export class FloatFilter {
  @Field(() => Float, { nullable: true }) eq?: number;
  @Field(() => Float, { nullable: true }) ne?: number;
  @Field(() => Float, { nullable: true }) gt?: number;
  @Field(() => Float, { nullable: true }) gte?: number;
  @Field(() => Float, { nullable: true }) lt?: number;
  @Field(() => Float, { nullable: true }) lte?: number;
  @Field(() => [Float], { nullable: true }) in?: number[];
  @Field(() => [Float], { nullable: true }) nin?: number[];
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: "Text comparison; `contains` is a case-insensitive substring match." })
export class StringFilter {
  @Field({ nullable: true }) eq?: string;
  @Field({ nullable: true }) ne?: string;
  @Field(() => [String], { nullable: true }) in?: string[];
  @Field(() => [String], { nullable: true }) nin?: string[];
  @Field({ nullable: true }) contains?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: "Date comparison (YYYY-MM-DD)." })
export class DateFilter {
  @Field(() => LocalDate, { nullable: true }) eq?: string;
  @Field(() => LocalDate, { nullable: true }) ne?: string;
  @Field(() => LocalDate, { nullable: true }) gt?: string;
  @Field(() => LocalDate, { nullable: true }) gte?: string;
  @Field(() => LocalDate, { nullable: true }) lt?: string;
  @Field(() => LocalDate, { nullable: true }) lte?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: "Boolean comparison." })
export class BooleanFilter {
  @Field({ nullable: true }) eq?: boolean;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: "Global id comparison." })
export class IDFilter {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => ID, { nullable: true }) ne?: string;
  @Field(() => [ID], { nullable: true }) in?: string[];
  @Field(() => [ID], { nullable: true }) nin?: string[];
}

/** The operators of every enum filter (enumFilter declares one input type per enum). */
interface EnumFilterOperators {
  eq?: string;
  ne?: string;
  in?: string[];
  nin?: string[];
}

/** A filter input for one enum: eq, ne, in, nin. */
export function enumFilter<E extends object>(enumType: E, name: string): ClassType<EnumFilterOperators> {
  @InputType(`${name}Filter`)
  class EnumFilter implements EnumFilterOperators {
    @Field(() => enumType, { nullable: true }) eq?: string;
    @Field(() => enumType, { nullable: true }) ne?: string;
    @Field(() => [enumType], { nullable: true }) in?: string[];
    @Field(() => [enumType], { nullable: true }) nin?: string[];
  }
  return EnumFilter;
}

/** Every operator the filter inputs above declare: each needs its SQL in OPERATOR_SQL (sql-condition.ts). */
export type ScalarOperator = keyof (IntFilter & FloatFilter & StringFilter & DateFilter & BooleanFilter & IDFilter & EnumFilterOperators);
