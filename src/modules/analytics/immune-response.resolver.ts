import { Arg, Ctx, Extensions, Query, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { invalidInput } from "../../errors";
import type { Context } from "../../graphql/context";
import { ANALYSIS_COST } from "../../graphql/query-cost";
import { ImmuneParameter } from "../immunology/immune-parameter.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import { AnalysisFilter, cohortsOf, resolvePopulation } from "./analysis-filter";
import { readableCohorts } from "./analysis-cohorts";
import { loadImmunePairs } from "./immune-pairs";
import { ImmuneKinetics, immuneKinetics } from "./immune-kinetics";
import { ImmuneResponse, immuneResponse } from "./immune-response";
import { PairedTest } from "./statistics-types";

/** The planned visits of the schedules (schedules are not site data); refuses visit codes none of them has. */
export async function checkVisitCodes(manager: EntityManager, codes: Record<string, string>): Promise<PlannedVisit[]> {
  const schedule = await manager.find(PlannedVisit, { order: { studyDay: "ASC", id: "ASC" } });
  const known = new Set(schedule.map((v) => v.code));
  for (const [field, code] of Object.entries(codes)) {
    if (!known.has(code)) throw invalidInput(field, `names no planned visit (got ${JSON.stringify(code)})`, [...known].join(", "));
  }
  return schedule;
}

/**
 * A follow-up visit and the baseline it is compared with: both planned visits, and not the same one (a
 * visit paired with itself answers every patient with a change of 0 and a fold change of 1).
 */
export async function checkVisitPair(manager: EntityManager, followUp: [field: string, code: string], baseline: [field: string, code: string]): Promise<PlannedVisit[]> {
  const schedule = await checkVisitCodes(manager, Object.fromEntries([followUp, baseline]));
  if (followUp[1] === baseline[1]) throw invalidInput(followUp[0], `is the baseline visit itself (${JSON.stringify(baseline[1])}): a change needs a later visit`, "a planned visit other than the baseline");
  return schedule;
}

export async function findParameter(manager: EntityManager, code: string, field = "parameter"): Promise<ImmuneParameter> {
  const entry = await manager.findOneBy(ImmuneParameter, { code });
  if (!entry) throw invalidInput(field, `names no immune parameter (got ${JSON.stringify(code)})`, "a code of immuneParameters");
  return entry;
}

@Resolver()
export class ImmuneResponseResolver {
  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => ImmuneResponse, {
    description:
      "Primary immunological endpoint: change of an immune parameter from the baseline visit to a follow-up visit, per cohort (disease) and pooled — summaries, geometric mean fold change, CI of the mean change, a paired test, and the per-patient values. Site roles see their sites' patients only.",
  })
  async immuneResponse(
    @Arg("parameter", { defaultValue: "TREG_PCT_CD4", description: "Immune parameter code." }) parameter: string,
    @Arg("visit", { defaultValue: "D8", description: "Planned visit code of the follow-up." }) visit: string,
    @Arg("baselineVisit", { defaultValue: "BASELINE", description: "Planned visit code of the baseline." }) baselineVisit: string,
    @Arg("test", () => PairedTest, { defaultValue: PairedTest.WILCOXON }) test: PairedTest,
    @Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null,
    @Ctx() { dataSource, access }: Context,
  ): Promise<ImmuneResponse> {
    const manager = dataSource.manager;
    const catalogueEntry = await findParameter(manager, parameter);
    await checkVisitPair(manager, ["visit", visit], ["baselineVisit", baselineVisit]);
    const allCohorts = await readableCohorts(manager, access);
    const population = await resolvePopulation(manager, access, filter, allCohorts);
    const cohorts = cohortsOf(population, allCohorts);
    const pairs = await loadImmunePairs(manager, access, { parameter, visit, baselineVisit, population });
    return Object.assign(new ImmuneResponse(), { parameter, unit: catalogueEntry.unit, visit, baselineVisit, test, population, ...immuneResponse(pairs, cohorts, test) });
  }

  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => ImmuneKinetics, {
    description: "Kinetics of an immune parameter: value, change and geometric mean fold change from baseline at every planned immunomonitoring visit, one curve per cohort (disease). Same filter and site scope as immuneResponse.",
  })
  async immuneKinetics(
    @Arg("parameter", { defaultValue: "TREG_PCT_CD4", description: "Immune parameter code." }) parameter: string,
    @Arg("baselineVisit", { defaultValue: "BASELINE", description: "Planned visit code of the baseline." }) baselineVisit: string,
    @Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null,
    @Ctx() { dataSource, access }: Context,
  ): Promise<ImmuneKinetics> {
    const manager = dataSource.manager;
    const catalogueEntry = await findParameter(manager, parameter);
    const schedule = await checkVisitCodes(manager, { baselineVisit });
    const allCohorts = await readableCohorts(manager, access);
    const population = await resolvePopulation(manager, access, filter, allCohorts);
    const cohorts = cohortsOf(population, allCohorts);
    const pairs = await loadImmunePairs(manager, access, { parameter, visit: null, baselineVisit, population });
    return Object.assign(new ImmuneKinetics(), { parameter, unit: catalogueEntry.unit, baselineVisit, population, curves: immuneKinetics(pairs, cohorts, schedule) });
  }
}
