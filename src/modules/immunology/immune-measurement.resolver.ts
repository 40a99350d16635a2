import { Ctx, Field, FieldResolver, Float, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { findBaselineVisit } from "../visits/baseline-visit";
import { Visit } from "../visits/visit.entity";
import { ImmuneMeasurement } from "./immune-measurement.entity";
import { ImmuneParameter } from "./immune-parameter.entity";

@ObjectType()
class ImmuneValueChange {
  @Field(() => Float, { nullable: true, description: "Value at baseline." })
  baseline: number | null;

  @Field(() => Float, { nullable: true, description: "This value divided by the baseline value (the primary endpoint's fold change); null without a baseline value." })
  foldChange: number | null;
}

/** What immune values have besides their kind's lists and writes (immune-measurement.kind.ts). */
@Resolver(() => ImmuneMeasurement)
export class ImmuneMeasurementResolver {
  @Query(() => [ImmuneParameter], { description: "The immunomonitoring catalogue." })
  immuneParameters(@Ctx() { dataSource }: Context): Promise<ImmuneParameter[]> {
    return dataSource.manager.find(ImmuneParameter, { order: { id: "ASC" } });
  }

  @FieldResolver(() => ImmuneParameter)
  async parameter(@Root() measurement: ImmuneMeasurement, @Ctx() { loaders }: Context): Promise<ImmuneParameter> {
    return (await loaders.byId(ImmuneParameter).load(measurement.parameterId))!;
  }

  @FieldResolver(() => Visit)
  async visit(@Root() measurement: ImmuneMeasurement, @Ctx() { loaders }: Context): Promise<Visit> {
    return (await loaders.byId(Visit).load(measurement.visitId))!;
  }

  @FieldResolver(() => ImmuneValueChange, { description: "Change of this value from the patient's baseline value of the same parameter." })
  async changeFromBaseline(@Root() measurement: ImmuneMeasurement, @Ctx() { loaders }: Context): Promise<ImmuneValueChange> {
    const baselineVisit = await findBaselineVisit(loaders, measurement.patientId);
    const values = await loaders.manyBy(ImmuneMeasurement, "patientId").load(measurement.patientId);
    const base = values.find((m) => m.visitId === baselineVisit?.id && m.parameterId === measurement.parameterId)?.value ?? null;
    const foldChange = base && measurement.value !== null ? measurement.value / base : null;
    return Object.assign(new ImmuneValueChange(), { baseline: base, foldChange });
  }
}
