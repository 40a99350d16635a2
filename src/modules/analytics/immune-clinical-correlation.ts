import { Field, Float, ObjectType } from "type-graphql";
import { AnalysisPopulation } from "./analysis-filter";
import type { ImmunePair } from "./immune-pairs";
import type { CohortPrimaryOutcomes } from "./primary-outcomes";
import { spearman } from "./statistics";
import { SpearmanResult } from "./statistics-types";

@ObjectType({ description: "One patient of the scatter plot (pseudonymous subject code only)." })
export class CorrelationPoint {
  @Field() subjectCode: string;
  @Field() cohortCode: string;
  @Field(() => Float, { description: "Immune parameter at the immune visit ÷ baseline." }) foldChange: number;
  @Field(() => Float, { description: "Percent improvement of the disease's primary score at the clinical visit (improvement positive)." }) percentImprovement: number;
}

@ObjectType({ description: "The correlation within one cohort (disease), or over all cohorts pooled." })
export class CorrelationGroup {
  @Field(() => String, { nullable: true, description: "Cohort code; null for the pooled group." }) cohortCode: string | null;
  @Field(() => String, { nullable: true }) diseaseId: string | null;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: "The primary score's instrument (null for the pooled group, which mixes them: ranks of percent improvements are comparable, scores are not)." }) scoreInstrument: string | null;
  @Field(() => SpearmanResult) spearman: SpearmanResult;
  @Field(() => [CorrelationPoint]) points: CorrelationPoint[];
}

@ObjectType({ description: "Spearman correlation between the immune fold change and the clinical percent improvement, per disease and pooled." })
export class ImmuneClinicalCorrelation {
  @Field() immuneParameter: string;
  @Field() immuneVisit: string;
  @Field() baselineVisit: string;
  @Field(() => String, { nullable: true, description: "The clinical visit asked for; null when each disease is read at its primary endpoint's default visit." }) visit: string | null;
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field(() => [CorrelationGroup], { description: "One per cohort of the population, in cohort-code order." }) cohorts: CorrelationGroup[];
  @Field(() => CorrelationGroup) pooled: CorrelationGroup;
}

function group(points: CorrelationPoint[], identity: Pick<CorrelationGroup, "cohortCode" | "diseaseId" | "label" | "scoreInstrument">): CorrelationGroup {
  const result = spearman(points.map((p) => p.foldChange), points.map((p) => p.percentImprovement));
  return Object.assign(new CorrelationGroup(), { ...identity, spearman: SpearmanResult.of(points.length, result), points });
}

/**
 * The patients with both a fold change (positive values at both immune visits) and a percent
 * improvement (evaluable primary score with a positive baseline), per cohort and pooled.
 */
export function immuneClinicalCorrelation(primary: readonly CohortPrimaryOutcomes[], pairs: readonly ImmunePair[]): Pick<ImmuneClinicalCorrelation, "cohorts" | "pooled"> {
  const folds = new Map<number, number>();
  for (const p of pairs) if (p.hasBaseline && p.baseline !== null && p.value !== null && p.baseline > 0 && p.value > 0) folds.set(p.patientId, p.value / p.baseline);
  const cohorts = primary.map((row) => {
    const points = row.scoreOutcomes.flatMap(({ patient, outcome }) => {
      const fold = folds.get(patient.patientId);
      if (fold === undefined || outcome.percentImprovement === null) return [];
      return [Object.assign(new CorrelationPoint(), { subjectCode: patient.subjectCode, cohortCode: row.cohort.code, foldChange: fold, percentImprovement: outcome.percentImprovement })];
    });
    return group(points, { cohortCode: row.cohort.code, diseaseId: row.cohort.diseaseId, label: row.cohort.name, scoreInstrument: row.score?.endpoint.instrument ?? null });
  });
  const pooled = group(cohorts.flatMap((c) => c.points), { cohortCode: null, diseaseId: null, label: "All cohorts pooled", scoreInstrument: null });
  return { cohorts, pooled };
}
