import { Arg, Ctx, Extensions, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ANALYSIS_COST } from "../../graphql/query-cost";
import { AnalysisFilter, cohortsOf, resolvePopulation } from "./analysis-filter";
import { readableCohorts } from "./analysis-cohorts";
import { loadSafetyEventCells, loadSafetyPatients } from "./safety-rows";
import { EXPOSURE_DEFINITION, SafetySummary, safetySummary } from "./safety-summary";

const DAY_MS = 86_400_000;

@Resolver()
export class SafetySummaryResolver {
  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => SafetySummary, {
    description:
      "Safety per cohort (disease) and pooled: treatment-emergent adverse events by CTCAE grade × relatedness (events and patients), patients with a grade ≥ 3 event (Wilson 95 % CI), events per patient-month of exposure (exact Poisson 95 % CI, R's poisson.test) and dosing compliance, per cohort and per patient. Aggregated in the database over the caller's sites; without an analysed visit, PER_PROTOCOL counts missed doses over the whole treatment.",
  })
  async safetySummary(@Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null, @Ctx() { dataSource, access }: Context): Promise<SafetySummary> {
    const manager = dataSource.manager;
    const allCohorts = await readableCohorts(manager, access);
    const population = await resolvePopulation(manager, access, filter, allCohorts);
    const cohorts = cohortsOf(population, allCohorts);
    // The data cut is the day of the query (UTC): everything recorded so far.
    const now = Date.now();
    const dataCut = new Date(now).toISOString().slice(0, 10);
    const request = {
      population,
      intervals: cohorts.map((c) => ({ cohortId: c.id, days: c.regimen.maintenanceIntervalDays })),
      exposureCap: new Date(now + DAY_MS).toISOString().slice(0, 10),
    };
    const rows = await loadSafetyPatients(manager, access, request);
    const cells = await loadSafetyEventCells(manager, access, request);
    return Object.assign(new SafetySummary(), { population, exposureDefinition: EXPOSURE_DEFINITION, ...safetySummary(rows, cells, cohorts, dataCut) });
  }
}
