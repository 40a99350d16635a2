import { Field, Int, ObjectType } from "type-graphql";
import type { Cohort } from "../study/cohort.entity";
import type { PlannedVisit } from "../study/planned-visit.entity";
import { AnalysisPopulation } from "./analysis-filter";
import type { ImmunePair } from "./immune-pairs";
import { geometricMeanFoldChange, summarize } from "./statistics";
import { GeometricMeanFoldChangeResult, SampleSummaryResult } from "./statistics-types";

@ObjectType({ description: "An immune parameter at one planned visit of a cohort." })
export class KineticsPoint {
  @Field() visit: string;
  @Field(() => Int) studyDay: number;
  @Field(() => SampleSummaryResult, { description: "Every value at the visit (patients below the detection limit left out)." }) value: SampleSummaryResult;
  @Field(() => SampleSummaryResult, { description: "Change from baseline, patients with both values." }) change: SampleSummaryResult;
  @Field(() => GeometricMeanFoldChangeResult, { description: "Fold change from baseline, patients with both values." }) geometricMeanFoldChange: GeometricMeanFoldChangeResult;
}

@ObjectType({ description: "One cohort's (disease's) curve: the parameter at each planned immunomonitoring visit, in study-day order." })
export class KineticsCurve {
  @Field() cohortCode: string;
  @Field() diseaseId: string;
  @Field() label: string;
  @Field(() => [KineticsPoint]) points: KineticsPoint[];
}

@ObjectType({ description: "Kinetics of an immune parameter: one curve per cohort." })
export class ImmuneKinetics {
  @Field() parameter: string;
  @Field() unit: string;
  @Field() baselineVisit: string;
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field(() => [KineticsCurve]) curves: KineticsCurve[];
}

function point(visit: PlannedVisit, pairs: readonly ImmunePair[]): KineticsPoint {
  const values = pairs.flatMap((p) => (p.value === null ? [] : [p.value]));
  const complete = pairs.filter((p) => p.hasBaseline && p.baseline !== null && p.value !== null);
  return Object.assign(new KineticsPoint(), {
    visit: visit.code,
    studyDay: visit.studyDay,
    value: SampleSummaryResult.of(summarize(values)),
    change: SampleSummaryResult.of(summarize(complete.map((p) => p.value! - p.baseline!))),
    geometricMeanFoldChange: GeometricMeanFoldChangeResult.of(geometricMeanFoldChange(complete.map((p) => p.value! / p.baseline!))),
  });
}

/** One curve per cohort over its planned immunomonitoring visits (each cohort has its own schedule). */
export function immuneKinetics(pairs: readonly ImmunePair[], cohorts: readonly Cohort[], schedule: readonly PlannedVisit[]): KineticsCurve[] {
  // Grouped once: one pass over the pairs, not one per cohort and visit.
  const byCohortVisit = new Map<string, ImmunePair[]>();
  for (const p of pairs) {
    const key = `${p.cohortId}|${p.visit}`;
    const group = byCohortVisit.get(key);
    if (group) group.push(p);
    else byCohortVisit.set(key, [p]);
  }
  return cohorts.map((c) =>
    Object.assign(new KineticsCurve(), {
      cohortCode: c.code,
      diseaseId: c.diseaseId,
      label: c.name,
      points: schedule
        .filter((v) => v.cohortId === c.id && v.immunomonitoring)
        .sort((a, b) => a.studyDay - b.studyDay)
        .map((v) => point(v, byCohortVisit.get(`${c.id}|${v.code}`) ?? [])),
    }),
  );
}
