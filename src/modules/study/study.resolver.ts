import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Patient } from "../patients/patient.entity";
import { Cohort } from "./cohort.entity";
import { Site } from "./site.entity";
import { Study } from "./study.entity";

@Resolver(() => Study)
export class StudyResolver {
  @Query(() => [Study])
  studies(@Ctx() { dataSource }: Context): Promise<Study[]> {
    return dataSource.manager.find(Study, { order: { id: "ASC" } });
  }

  @Query(() => Study, { nullable: true, description: "A study by its code; without a code, the first study (most deployments hold one)." })
  study(@Arg("code", () => String, { nullable: true }) code: string | null, @Ctx() { dataSource }: Context): Promise<Study | null> {
    return dataSource.manager.findOne(Study, { where: code ? { code } : {}, order: { id: "ASC" } });
  }

  @FieldResolver(() => [Site])
  sites(@Root() study: Study, @Ctx() { loaders }: Context): Promise<Site[]> {
    return loaders.manyBy(Site, "studyId", "code").load(study.id);
  }

  @FieldResolver(() => [Cohort])
  cohorts(@Root() study: Study, @Ctx() { loaders }: Context): Promise<Cohort[]> {
    return loaders.manyBy(Cohort, "studyId", "code").load(study.id);
  }

  @FieldResolver(() => Int)
  async patientCount(@Root() study: Study, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.manyBy(Patient, "studyId").load(study.id)).length;
  }
}
