import { Field, Float, InputType, Int, ObjectType } from "type-graphql";

/**
 * A cohort's dosing plan: daily induction doses, then maintenance doses every `maintenanceIntervalDays`
 * from `maintenanceStartDay` to `maintenanceEndDay`. It belongs to the cohort because arms differ
 * (e.g. a weekly maintenance variant for one disease).
 */
@ObjectType("DosingRegimen")
@InputType("DosingRegimenInput")
export class DosingRegimen {
  @Field({ description: "Study drug, e.g. aldesleukin (recombinant IL-2)." })
  drug: string;

  @Field(() => Float)
  dose: number;

  @Field({ description: "Dose unit, e.g. MIU (million international units)." })
  doseUnit: string;

  @Field({ description: "Route, e.g. SC (subcutaneous)." })
  route: string;

  @Field(() => Int, { description: "Number of once-daily induction doses from day 1." })
  inductionDays: number;

  @Field(() => Int)
  maintenanceStartDay: number;

  @Field(() => Int)
  maintenanceIntervalDays: number;

  @Field(() => Int)
  maintenanceEndDay: number;
}

/** Planned dosing study days of a regimen, in order. */
export function plannedDoseDays(regimen: DosingRegimen): number[] {
  const days: number[] = [];
  for (let day = 1; day <= regimen.inductionDays; day++) days.push(day);
  for (let day = regimen.maintenanceStartDay; day <= regimen.maintenanceEndDay; day += regimen.maintenanceIntervalDays) days.push(day);
  return days;
}
