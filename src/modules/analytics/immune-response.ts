import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id";
import type { Cohort } from "../study/cohort.entity";
import { AnalysisPopulation } from "./analysis-filter";
import type { ImmunePair } from "./immune-pairs";
import { foldChange, geometricMeanFoldChange, pairedTTest, summarize, wilcoxonSignedRank } from "./statistics";
import { GeometricMeanFoldChangeResult, PairedTest, PairedTestResult, SampleSummaryResult } from "./statistics-types";

@ObjectType({ description: "One patient's baseline and follow-up value. Patients without both values are listed but left out of the statistics, with the reason." })
export class ImmuneResponsePatient {
  @Field(() => ID) patientId: string;
  @Field() subjectCode: string;
  @Field() cohortCode: string;
  @Field() siteCode: string;
  @Field(() => Float, { nullable: true }) baseline: number | null;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => Float, { nullable: true, description: "value − baseline." }) change: number | null;
  @Field(() => Float, { nullable: true, description: "value ÷ baseline; null when either is missing or not positive." }) foldChange: number | null;
  @Field({ description: "Whether the patient's pair enters the statistics (both values present)." }) analysed: boolean;
  @Field(() => String, { nullable: true, description: "Why the pair is not analysed, or why it has no fold change." }) note: string | null;
}

@ObjectType({ description: "The immunological response of one cohort (disease), or of all cohorts pooled." })
export class ImmuneResponseGroup {
  @Field(() => String, { nullable: true, description: "Cohort code; null for the pooled group." }) cohortCode: string | null;
  @Field(() => String, { nullable: true, description: "Disease plugin id; null for the pooled group." }) diseaseId: string | null;
  @Field() label: string;
  @Field(() => Int, { description: "Patients with both values, i.e. analysed." }) n: number;
  @Field(() => Int, { description: "Patients with a follow-up value but no baseline measurement." }) missingBaseline: number;
  @Field(() => Int, { description: "Patients left out because a value is below the detection limit (stored without a value)." }) belowDetectionLimit: number;
  @Field(() => SampleSummaryResult, { description: "Follow-up values of the analysed patients." }) value: SampleSummaryResult;
  @Field(() => SampleSummaryResult) baseline: SampleSummaryResult;
  @Field(() => SampleSummaryResult, { description: "Change (follow-up − baseline); its meanCi is the CI of the mean change." }) change: SampleSummaryResult;
  @Field(() => GeometricMeanFoldChangeResult) geometricMeanFoldChange: GeometricMeanFoldChangeResult;
  @Field(() => PairedTestResult) test: PairedTestResult;
  @Field(() => [ImmuneResponsePatient]) patients: ImmuneResponsePatient[];
}

@ObjectType({ description: "Response of an immune parameter from a baseline visit to a follow-up visit, per cohort and pooled." })
export class ImmuneResponse {
  @Field() parameter: string;
  @Field() unit: string;
  @Field() visit: string;
  @Field() baselineVisit: string;
  @Field(() => PairedTest) test: PairedTest;
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field(() => [ImmuneResponseGroup], { description: "One per cohort in the population, in cohort-code order, including cohorts without patients (n = 0)." }) cohorts: ImmuneResponseGroup[];
  @Field(() => ImmuneResponseGroup) pooled: ImmuneResponseGroup;
}

function patientRow(pair: ImmunePair, cohortCode: string): ImmuneResponsePatient {
  const { baseline, value } = pair;
  let note: string | null = null;
  if (!pair.hasBaseline) note = "no baseline measurement";
  else if (baseline === null) note = "baseline below the detection limit";
  else if (value === null) note = "value below the detection limit";
  const analysed = note === null;
  const fold = analysed ? foldChange(baseline, value!) : null;
  if (fold && !fold.estimable) note = `no fold change: ${fold.message}`;
  return Object.assign(new ImmuneResponsePatient(), {
    patientId: toGlobalId("Patient", pair.patientId),
    subjectCode: pair.subjectCode,
    cohortCode,
    siteCode: pair.siteCode,
    baseline,
    value,
    change: analysed ? value! - baseline! : null,
    foldChange: fold?.estimable ? fold.value : null,
    analysed,
    note,
  });
}

/** The statistics of one group of pairs: only complete pairs are analysed; the others are counted. */
export function responseGroup(pairs: readonly ImmunePair[], cohortCode: (pair: ImmunePair) => string, test: PairedTest, identity: Pick<ImmuneResponseGroup, "cohortCode" | "diseaseId" | "label">): ImmuneResponseGroup {
  const patients = pairs.map((p) => patientRow(p, cohortCode(p)));
  const complete = pairs.filter((p) => p.hasBaseline && p.baseline !== null && p.value !== null);
  const baseline = complete.map((p) => p.baseline!);
  const value = complete.map((p) => p.value!);
  const change = complete.map((p) => p.value! - p.baseline!);
  // Fold changes of every analysed pair (value ÷ baseline, any sign): the geometric mean refuses
  // non-positive ones itself and says how many, rather than silently losing them here.
  const folds = complete.map((p) => p.value! / p.baseline!);
  return Object.assign(new ImmuneResponseGroup(), {
    ...identity,
    n: complete.length,
    missingBaseline: pairs.filter((p) => !p.hasBaseline).length,
    belowDetectionLimit: pairs.filter((p) => p.hasBaseline && (p.baseline === null || p.value === null)).length,
    value: SampleSummaryResult.of(summarize(value)),
    baseline: SampleSummaryResult.of(summarize(baseline)),
    change: SampleSummaryResult.of(summarize(change)),
    geometricMeanFoldChange: GeometricMeanFoldChangeResult.of(geometricMeanFoldChange(folds)),
    test: test === PairedTest.WILCOXON ? PairedTestResult.wilcoxon(wilcoxonSignedRank(baseline, value)) : PairedTestResult.tTest(pairedTTest(baseline, value)),
    patients,
  });
}

/** Per-cohort and pooled response from the pairs of the population. */
export function immuneResponse(pairs: readonly ImmunePair[], cohorts: readonly Cohort[], test: PairedTest): Pick<ImmuneResponse, "cohorts" | "pooled"> {
  const byId = new Map(cohorts.map((c) => [c.id, c]));
  const codeOf = (p: ImmunePair) => byId.get(p.cohortId)?.code ?? String(p.cohortId);
  return {
    cohorts: cohorts.map((c) => responseGroup(pairs.filter((p) => p.cohortId === c.id), codeOf, test, { cohortCode: c.code, diseaseId: c.diseaseId, label: c.name })),
    pooled: responseGroup(pairs, codeOf, test, { cohortCode: null, diseaseId: null, label: "All cohorts pooled" }),
  };
}
