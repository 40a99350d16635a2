import { Arg, Ctx, Extensions, Float, Int, Query, Resolver } from "type-graphql";
import { invalidInput } from "../../errors";
import type { Context } from "../../graphql/context";
import { ANALYSIS_COST } from "../../graphql/query-cost";
import { ImmuneParameter } from "../immunology/immune-parameter.entity";
import { AnalysisFilter, resolvePopulation } from "./analysis-filter";
import { readableCohorts } from "./analysis-cohorts";
import { loadImmunePairs } from "./immune-pairs";
import { ImmuneProfileMap, immuneProfileMap } from "./immune-profile-map";
import { checkVisitPair } from "./immune-response.resolver";
import { KMEANS_RESTARTS, Linkage } from "./statistics";

/**
 * Most patients a map takes: the answer lists each of them, and agglomerative clustering grows with the
 * cube of their number. The trial's populations are far smaller; a larger one is refused, not truncated.
 */
export const MAX_MAP_PATIENTS = 500;
export const MAX_CLUSTERS = 10;
export const MAX_COMPONENTS = 10;
/** The restarts use seed, seed + 1, …: they stay GraphQL Ints. */
const MAX_SEED = 2 ** 31 - 1 - KMEANS_RESTARTS;

function checkRange(field: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max)) throw invalidInput(field, `must be between ${min} and ${max} (got ${value})`, `${min}–${max}`);
}

@Resolver()
export class ImmuneProfileMapResolver {
  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => ImmuneProfileMap, {
    description:
      "Unsupervised immunomonitoring map: each patient's log2 fold changes (follow-up ÷ baseline) across immune parameters, standardised; principal components (scores per patient, loadings per parameter, variance explained), a hierarchical clustering cut into k and a seeded k-means. Missing values: parameters below minCoverage dropped, then incomplete patients left out, counted and named with the reason. Same filter and site scope as immuneResponse.",
  })
  async immuneProfileMap(
    @Arg("visit", { defaultValue: "D8", description: "Planned visit code of the follow-up." }) visit: string,
    @Arg("baselineVisit", { defaultValue: "BASELINE", description: "Planned visit code of the baseline." }) baselineVisit: string,
    @Arg("parameters", () => [String], { nullable: true, description: "Immune parameter codes, the map's columns in this order; every parameter with a fold change in the population when absent." }) parameters: string[] | null,
    @Arg("minCoverage", () => Float, { defaultValue: 0.8, description: "Share (0 to 1) of measured patients a parameter needs a fold change for; sparser parameters are dropped before incomplete patients are left out." }) minCoverage: number,
    @Arg("components", () => Int, { defaultValue: 2, description: `Principal components whose scores and loadings are listed, 1–${MAX_COMPONENTS}; the variance of every component is listed.` }) components: number,
    @Arg("k", () => Int, { defaultValue: 3, description: `Clusters, 2–${MAX_CLUSTERS}.` }) k: number,
    @Arg("seed", () => Int, { defaultValue: 1, description: "Seed of the k-means starts: the same seed gives the same clusters." }) seed: number,
    @Arg("linkage", () => Linkage, { defaultValue: Linkage.WARD }) linkage: Linkage,
    @Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null,
    @Ctx() { dataSource, access }: Context,
  ): Promise<ImmuneProfileMap> {
    const manager = dataSource.manager;
    if (!(minCoverage > 0 && minCoverage <= 1)) throw invalidInput("minCoverage", `must be above 0 and at most 1 (got ${minCoverage})`, "0 < minCoverage ≤ 1");
    checkRange("components", components, 1, MAX_COMPONENTS);
    checkRange("k", k, 2, MAX_CLUSTERS);
    checkRange("seed", seed, 0, MAX_SEED);
    const catalogue = (await manager.find(ImmuneParameter, { select: { id: true, code: true }, order: { id: "ASC" } })).map((p) => p.code);
    const asked = parameters ? [...new Set(parameters)] : null;
    const unknown = asked?.filter((code) => !catalogue.includes(code)) ?? [];
    if (unknown.length) throw invalidInput("parameters", `names no immune parameter ${unknown.map((u) => JSON.stringify(u)).join(", ")}`, catalogue.join(", "));
    if (asked && asked.length < 2) throw invalidInput("parameters", `needs at least 2 parameters for a map (got ${asked.length})`, catalogue.join(", "));
    await checkVisitPair(manager, ["visit", visit], ["baselineVisit", baselineVisit]);
    const cohorts = await readableCohorts(manager, access);
    const population = await resolvePopulation(manager, access, filter, cohorts);
    const pairs = await loadImmunePairs(manager, access, { parameter: asked ?? catalogue, visit, baselineVisit, population });
    const patients = new Set(pairs.map((p) => p.patientId)).size;
    if (patients > MAX_MAP_PATIENTS) throw invalidInput("filter", `selects ${patients} measured patients; a map takes at most ${MAX_MAP_PATIENTS}: narrow it (diseases, sites, sex, age)`);
    const map = immuneProfileMap(pairs, cohorts, { catalogue, parameters: asked, minCoverage, components, k, seed, linkage });
    return Object.assign(new ImmuneProfileMap(), { visit, baselineVisit, population, ...map });
  }
}
