import "reflect-metadata";
import { Arg, Field, InputType, Int, Query, Resolver, buildSchema } from "type-graphql";
import { describe, expect, it } from "vitest";
import { plugins } from "../../../plugins";
import { buildBasketSchema } from "../schema";
import { compileWhere } from "./compile-where";
import type { WhereSpec } from "./compile-where";
import { IntFilter, StringFilter } from "./scalar-filters";
import { Parameters, scalarCondition } from "./sql-condition";
import { checkWhereSpecs } from "./where-specs";

@InputType()
class LooseFilter {
  @Field({ nullable: true }) eq?: string;
  @Field({ nullable: true }) startsWith?: string;
}

@InputType("SmallWhere")
class SmallWhereInput {
  @Field(() => IntFilter, { nullable: true }) age?: IntFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => LooseFilter, { nullable: true }) code?: LooseFilter;
  @Field(() => [SmallWhereInput], { nullable: true }) and?: SmallWhereInput[];
}

@InputType()
class OrphanWhere {
  @Field(() => IntFilter, { nullable: true }) age?: IntFilter;
}

@Resolver()
class SmallResolver {
  @Query(() => Int)
  count(@Arg("where", () => SmallWhereInput, { nullable: true }) _where?: SmallWhereInput, @Arg("other", () => OrphanWhere, { nullable: true }) _other?: OrphanWhere): number {
    return 0;
  }
}

const smallSchema = () => buildSchema({ resolvers: [SmallResolver], validate: false });
const complete: WhereSpec = { age: { column: "age" }, name: { column: "name" }, code: { condition: () => "1=1" } };
const orphan: WhereSpec = { age: { column: "age" } };
/** Runs the check on the small schema with `spec` for SmallWhere (and `others`); returns the error message, or null. */
async function checkSmall(spec: WhereSpec, others: Array<[Function, WhereSpec]> = [[OrphanWhere, orphan]]): Promise<string | null> {
  try {
    checkWhereSpecs(await smallSchema(), new Map<Function, WhereSpec>([[SmallWhereInput, spec], ...others]));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("filter inputs and their SQL", () => {
  it("the service's schema gives every filter field its SQL", async () => {
    const schema = await buildBasketSchema(plugins);
    expect(() => checkWhereSpecs(schema)).not.toThrow();
  });

  it("a complete spec passes", async () => {
    expect(await checkSmall(complete)).toBeNull();
  });

  it("a field without a spec entry stops the schema, naming the input type (by its GraphQL name) and the field", async () => {
    const { name: _, ...withoutName } = complete;
    expect(await checkSmall(withoutName)).toContain("SmallWhere.name has no entry in its WhereSpec");
  });

  it("a spec entry for a field the input lacks is named", async () => {
    expect(await checkSmall({ ...complete, height: { column: "height" } })).toContain("SmallWhere has no field height");
  });

  it("a column compared with a filter that has an operator without SQL is named", async () => {
    expect(await checkSmall({ ...complete, code: { column: "code" } })).toContain("SmallWhere.code: operator LooseFilter.startsWith has no SQL");
  });

  it("a …Where input of the schema without any spec is named", async () => {
    expect(await checkSmall(complete, [])).toContain("OrphanWhere has no WhereSpec");
  });

  it("an operator without SQL fails the statement instead of being left out", () => {
    expect(() => scalarCondition(`"t"."code"`, { eq: "A", startsWith: "B" }, new Parameters(), "where.code")).toThrow(/where\.code\.startsWith/);
    expect(scalarCondition(`"t"."code"`, { eq: "A" }, new Parameters(), "where.code")).toBe(`"t"."code" = :p0`);
  });

  it("a filter field without a spec entry fails the statement instead of being left out", () => {
    expect(() => compileWhere({ age: { eq: 3 }, height: { gt: 2 } }, orphan, "t", new Parameters())).toThrow(/where\.height/);
  });
});
