import { Arg, Ctx, Extensions, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ANALYSIS_COST } from "../../graphql/query-cost";
import { AnalysisFilter, cohortsOf, resolvePopulation } from "./analysis-filter";
import { readableCohorts } from "./analysis-cohorts";
import { CrossDiseaseEfficacy, PValueAdjustment, adjustmentNote, crossDiseaseRows } from "./cross-disease-efficacy";
import { ImmuneClinicalCorrelation, immuneClinicalCorrelation } from "./immune-clinical-correlation";
import { loadImmunePairs } from "./immune-pairs";
import { immuneResponse } from "./immune-response";
import { checkVisitPair, findParameter } from "./immune-response.resolver";
import { loadPrimaryOutcomes } from "./primary-outcomes";
import { PairedTest } from "./statistics-types";

const BASELINE = "BASELINE";

/** What both queries read: the population, its cohorts, their primary clinical outcomes and the immune pairs (three statements besides the checks). */
async function primaryAndImmune({ dataSource, access, registry }: Context, visit: string | null, immuneParameter: string, immuneVisit: string, filter: AnalysisFilter | null) {
  const manager = dataSource.manager;
  await findParameter(manager, immuneParameter, "immuneParameter");
  await checkVisitPair(manager, ["immuneVisit", immuneVisit], ["baselineVisit", BASELINE]);
  const allCohorts = await readableCohorts(manager, access);
  const population = await resolvePopulation(manager, access, filter, allCohorts);
  const cohorts = cohortsOf(population, allCohorts);
  const primary = await loadPrimaryOutcomes(manager, access, registry, cohorts, visit, population);
  const pairs = await loadImmunePairs(manager, access, { parameter: immuneParameter, visit: immuneVisit, baselineVisit: BASELINE, population });
  return { population, cohorts, primary, pairs };
}

@Resolver()
export class CrossDiseaseEfficacyResolver {
  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => CrossDiseaseEfficacy, {
    description:
      "One row per disease (cohort), forest-plot-ready: percent improvement of the primary score (direction-aware, improvement positive) with its t 95 % CI, " +
      "responder rate of the primary response endpoint with its Wilson 95 % CI, and the immunological response (geometric mean fold change with its 95 % CI); " +
      "p-values of the paired tests (Wilcoxon signed-rank as R wilcox.test by default, paired t-test as an option) adjusted across diseases, Holm by default, Benjamini–Hochberg as an option. " +
      "Same filter and site scope as the other analyses.",
  })
  async crossDiseaseEfficacy(
    @Arg("visit", () => String, { nullable: true, description: "Planned visit of the clinical figures; each disease's primary endpoint default visit when absent." }) visit: string | null,
    @Arg("immuneParameter", { defaultValue: "TREG_PCT_CD4", description: "Immune parameter code." }) immuneParameter: string,
    @Arg("immuneVisit", { defaultValue: "D8", description: "Planned visit of the immune response (against baseline)." }) immuneVisit: string,
    @Arg("test", () => PairedTest, { defaultValue: PairedTest.WILCOXON }) test: PairedTest,
    @Arg("adjust", () => PValueAdjustment, { defaultValue: PValueAdjustment.HOLM }) adjust: PValueAdjustment,
    @Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null,
    @Ctx() context: Context,
  ): Promise<CrossDiseaseEfficacy> {
    const { population, cohorts, primary, pairs } = await primaryAndImmune(context, visit ?? null, immuneParameter, immuneVisit, filter);
    const rows = crossDiseaseRows(primary, immuneResponse(pairs, cohorts, test).cohorts, test, adjust);
    return Object.assign(new CrossDiseaseEfficacy(), {
      visit: visit ?? null,
      immuneParameter,
      immuneVisit,
      baselineVisit: BASELINE,
      test,
      adjustment: adjust,
      adjustmentNote: adjustmentNote(rows, adjust),
      population,
      rows,
    });
  }

  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => ImmuneClinicalCorrelation, {
    description:
      "Spearman correlation (average ranks for ties; p exact over every pairing of the ranks up to 9 pairs without ties, as R's cor.test, else the t approximation as SciPy's spearmanr; Fisher-z 95 % CI) between each patient's immune fold change " +
      "(default Treg % of CD4, D8 ÷ baseline) and the percent improvement of the disease's primary score, per disease and pooled, with the per-patient points. " +
      "Same filter and site scope as the other analyses.",
  })
  async immuneClinicalCorrelation(
    @Arg("visit", () => String, { nullable: true, description: "Planned visit of the clinical improvement; each disease's primary endpoint default visit when absent." }) visit: string | null,
    @Arg("immuneParameter", { defaultValue: "TREG_PCT_CD4", description: "Immune parameter code." }) immuneParameter: string,
    @Arg("immuneVisit", { defaultValue: "D8", description: "Planned visit of the fold change (against baseline)." }) immuneVisit: string,
    @Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null,
    @Ctx() context: Context,
  ): Promise<ImmuneClinicalCorrelation> {
    const { population, primary, pairs } = await primaryAndImmune(context, visit ?? null, immuneParameter, immuneVisit, filter);
    return Object.assign(new ImmuneClinicalCorrelation(), {
      immuneParameter,
      immuneVisit,
      baselineVisit: BASELINE,
      visit: visit ?? null,
      population,
      ...immuneClinicalCorrelation(primary, pairs),
    });
  }
}
