import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Visit } from "../visits/visit.entity";
import { LabResult } from "./lab-result.entity";
import { LAB_TESTS, LAB_TEST_BY_CODE, LabTest } from "./lab-tests";

/** What lab results have besides their kind's lists and writes (lab-result.kind.ts). */
@Resolver(() => LabResult)
export class LabResultResolver {
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
