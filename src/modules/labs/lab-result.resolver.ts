import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { groupRows } from "../../graphql/views/group-query";
import { rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { LabResultConnection, LabResultGroups, LabResultOrder, LabResultWhere, labResultDimensions, labResultListSpec } from "./lab-result-list";
import { Visit } from "../visits/visit.entity";
import { LabResult } from "./lab-result.entity";
import { LAB_TESTS, LAB_TEST_BY_CODE, LabTest } from "./lab-tests";
import type { OrderInput } from "../../graphql/views/list-query";
import { listRequest } from "../../graphql/views/list-query";

@Resolver(() => LabResult)
export class LabResultResolver {
  @Query(() => [LabResultGroups.Group], { description: "Laboratory values summarised per test, visit, disease, cohort or site." })
  async labResultGroups(
    @Arg("by", () => [LabResultGroups.GroupField]) by: string[],
    @Arg("where", () => LabResultWhere, { nullable: true }) where: LabResultWhere | null,
    @Ctx() { dataSource, access }: Context,
  ) {
    return (await groupRows(dataSource.manager, labResultListSpec, labResultDimensions, by, listRequest(access, { where }))).map(LabResultGroups.toGroup);
  }

  @Query(() => LabResultConnection, { description: "Laboratory results of all patients, filtered, ordered and paged." })
  labResults(
    @Args() page: PageArgs,
    @Arg("where", () => LabResultWhere, { nullable: true }) where: LabResultWhere | null,
    @Arg("orderBy", () => [LabResultOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, labResultListSpec, LabResultConnection, { ...page, where, orderBy });
  }

  @Query(() => [LabTest], { description: "The laboratory test catalogue with standard units." })
  labTests(): LabTest[] {
    return LAB_TESTS;
  }

  @FieldResolver(() => LabTest)
  test(@Root() result: LabResult): LabTest {
    return LAB_TEST_BY_CODE.get(result.testCode)!;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "True when above the upper limit of normal; null without a ULN or value." })
  aboveUpperLimit(@Root() result: LabResult): boolean | null {
    return result.value === null || result.referenceHigh === null ? null : result.value > result.referenceHigh;
  }

  @FieldResolver(() => Visit)
  async visit(@Root() result: LabResult, @Ctx() { loaders }: Context): Promise<Visit> {
    return (await loaders.byId(Visit).load(result.visitId))!;
  }
}
