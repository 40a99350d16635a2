import { Arg, Args, Ctx, Field, FieldResolver, Float, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { groupRows } from "../../graphql/views/group-query";
import { rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { ImmuneMeasurementConnection, ImmuneMeasurementGroups, ImmuneMeasurementOrder, ImmuneMeasurementWhere, immuneMeasurementDimensions, immuneMeasurementListSpec } from "./immune-measurement-list";
import { findBaselineVisit } from "../visits/baseline-visit";
import { Visit } from "../visits/visit.entity";
import { ImmuneMeasurement } from "./immune-measurement.entity";
import { ImmuneParameter } from "./immune-parameter.entity";
import type { OrderInput } from "../../graphql/views/list-query";
import { listRequest } from "../../graphql/views/list-query";

@ObjectType()
class ImmuneValueChange {
  @Field(() => Float, { nullable: true, description: "Value at baseline." })
  baseline: number | null;

  @Field(() => Float, { nullable: true, description: "This value divided by the baseline value (the primary endpoint's fold change); null without a baseline value." })
  foldChange: number | null;
}

@Resolver(() => ImmuneMeasurement)
export class ImmuneMeasurementResolver {
  @Query(() => [ImmuneMeasurementGroups.Group], { description: "Immune values summarised per parameter, visit, disease, cohort or site, e.g. mean Treg % of CD4 per disease at each visit." })
  async immuneMeasurementGroups(
    @Arg("by", () => [ImmuneMeasurementGroups.GroupField]) by: string[],
    @Arg("where", () => ImmuneMeasurementWhere, { nullable: true }) where: ImmuneMeasurementWhere | null,
    @Ctx() { dataSource, access }: Context,
  ) {
    return (await groupRows(dataSource.manager, immuneMeasurementListSpec, immuneMeasurementDimensions, by, listRequest(access, { where }))).map(ImmuneMeasurementGroups.toGroup);
  }

  @Query(() => ImmuneMeasurementConnection, { description: "Immunomonitoring values of all patients, filtered, ordered and paged." })
  immuneMeasurements(
    @Args() page: PageArgs,
    @Arg("where", () => ImmuneMeasurementWhere, { nullable: true }) where: ImmuneMeasurementWhere | null,
    @Arg("orderBy", () => [ImmuneMeasurementOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, immuneMeasurementListSpec, ImmuneMeasurementConnection, { ...page, where, orderBy });
  }

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
