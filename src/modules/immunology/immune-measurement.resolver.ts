import { Ctx, Field, FieldResolver, Float, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Parameters } from "../../graphql/views/sql-condition";
import { scopeCondition } from "../access/site-scope";
import { PlannedVisit } from "../study/planned-visit.entity";
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
  async changeFromBaseline(@Root() measurement: ImmuneMeasurement, @Ctx() context: Context): Promise<ImmuneValueChange> {
    const base = (await baselineValues(context).load(measurement.patientId)).get(measurement.parameterId) ?? null;
    const foldChange = base && measurement.value !== null ? measurement.value / base : null;
    return Object.assign(new ImmuneValueChange(), { baseline: base, foldChange });
  }
}

/**
 * Each patient's immune values at their baseline visit (the live visit of the planned visit flagged
 * baseline), by parameter: one statement for all the patients of a request, in the caller's scope,
 * instead of loading every value and visit of each patient to find one value per parameter.
 */
function baselineValues({ loaders, access, dataSource }: Context) {
  return loaders.keyed("ImmuneMeasurement.baselineValues", async (patientIds) => {
    const params = new Parameters();
    const qb = dataSource.manager
      .createQueryBuilder(ImmuneMeasurement, "m")
      .select(['"m"."patientId" AS "patientId"', '"m"."parameterId" AS "parameterId"', '"m"."value" AS "value"'])
      .innerJoin(Visit, "v", '"v"."id" = "m"."visitId" AND "v"."removedAt" IS NULL')
      .innerJoin(PlannedVisit, "pv", '"pv"."id" = "v"."plannedVisitId"')
      .where(`"m"."patientId" IN ${params.bindList([...patientIds])}`)
      .andWhere('"pv"."isBaseline" = :baseline', { baseline: true })
      // Should a patient have two baseline visits, the earliest counts (as findBaselineVisit): read last.
      .orderBy('"v"."visitDate"', "DESC")
      .addOrderBy('"v"."id"', "DESC");
    const scoped = scopeCondition("ImmuneMeasurement", "m", access.scope(), params);
    if (scoped) qb.andWhere(scoped);
    const rows = await qb.setParameters({ ...params.values, baseline: true }).getRawMany<{ patientId: number; parameterId: number; value: number | null }>();
    const byPatient = new Map(patientIds.map((id) => [id, new Map<number, number | null>()]));
    for (const row of rows) byPatient.get(row.patientId)?.set(row.parameterId, row.value);
    return patientIds.map((id) => byPatient.get(id)!);
  });
}
