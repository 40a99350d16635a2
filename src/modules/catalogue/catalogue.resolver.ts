import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { DiseaseType, InstrumentType, ResponseCriterionType } from "./catalogue-types";

@Resolver(() => DiseaseType)
export class CatalogueResolver {
  @Query(() => [DiseaseType], { description: "The disease plugins this service runs with." })
  diseases(@Ctx() { registry }: Context): DiseaseType[] {
    return registry.plugins.map((p) => new DiseaseType(p));
  }

  @Query(() => DiseaseType, { nullable: true })
  disease(@Arg("id") id: string, @Ctx() { registry }: Context): DiseaseType | undefined {
    const plugin = registry.plugin(id);
    return plugin && new DiseaseType(plugin);
  }

  @Query(() => [InstrumentType], { description: "Instruments with their declared inputs, so a frontend can build entry forms. Filter by disease plugin id." })
  instruments(@Arg("diseaseId", () => String, { nullable: true }) diseaseId: string | null, @Ctx() { registry }: Context): InstrumentType[] {
    return registry
      .allInstruments()
      .filter((i) => !diseaseId || i.plugin?.id === diseaseId)
      .map((i) => new InstrumentType(i));
  }

  @Query(() => InstrumentType, { nullable: true })
  instrument(@Arg("code") code: string, @Ctx() { registry }: Context): InstrumentType | undefined {
    const registered = registry.instrument(code);
    return registered && new InstrumentType(registered);
  }

  @Query(() => [ResponseCriterionType])
  responseCriteria(@Arg("diseaseId", () => String, { nullable: true }) diseaseId: string | null, @Ctx() { registry }: Context): ResponseCriterionType[] {
    return registry
      .allCriteria()
      .filter((c) => !diseaseId || c.plugin.id === diseaseId)
      .map((c) => new ResponseCriterionType(c.definition, c.plugin));
  }

  @FieldResolver(() => [InstrumentType], { name: "instruments", description: "The disease's own instruments (CGI and EQ-5D are listed by `instruments`)." })
  instrumentsOf(@Root() disease: DiseaseType, @Ctx() { registry }: Context): InstrumentType[] {
    return disease.plugin.instruments.map((i) => new InstrumentType(registry.instrument(i.code)!));
  }

  @FieldResolver(() => [ResponseCriterionType], { name: "responseCriteria" })
  responseCriteriaOf(@Root() disease: DiseaseType): ResponseCriterionType[] {
    return disease.plugin.responseCriteria.map((c) => new ResponseCriterionType(c, disease.plugin));
  }
}
