import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Patient } from "../patients/patient.entity";
import { Site } from "./site.entity";

@Resolver(() => Site)
export class SiteResolver {
  @FieldResolver(() => [Patient])
  patients(@Root() site: Site, @Ctx() { loaders }: Context): Promise<Patient[]> {
    return loaders.manyBy(Patient, "siteId", "subjectCode").load(site.id);
  }
}
