import { Arg, Ctx, Extensions, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ANALYSIS_COST } from "../../graphql/query-cost";
import { AnalysisFilter, resolvePopulation } from "./analysis-filter";
import { readableCohorts } from "./analysis-cohorts";
import { ClinicalEfficacy, EfficacyEndpointType, clinicalEfficacy } from "./clinical-efficacy";
import { checkFollowUpVisits, cohortEndpoint, requireCohort } from "./efficacy-endpoints";
import { loadEndpointAssessments } from "./endpoint-assessments";

@Resolver()
export class ClinicalEfficacyResolver {
  @Query(() => [EfficacyEndpointType], { description: "The efficacy endpoints the disease plugins declare, in declaration order; those of one cohort's disease when `disease` is given." })
  async efficacyEndpoints(
    @Arg("disease", () => String, { nullable: true, description: "Cohort (disease) code, e.g. \"RA\"." }) disease: string | null,
    @Ctx() { dataSource, access, registry }: Context,
  ): Promise<EfficacyEndpointType[]> {
    const plugins = disease == null ? registry.plugins : [registry.plugin(requireCohort(await readableCohorts(dataSource.manager, access), disease).diseaseId)!];
    return plugins.flatMap((p) => (p.efficacyEndpoints ?? []).map((e) => EfficacyEndpointType.of(e, p.id, registry.instrument(e.instrument)!.definition)));
  }

  @Extensions({ cost: ANALYSIS_COST })
  @Query(() => ClinicalEfficacy, {
    description:
      "Clinical efficacy of one cohort (disease) through one of its declared endpoints at a visit, against the cohort's baseline visit, on the stored assessments: " +
      "patients evaluable and why the others are not; RESPONSE endpoints: responders and responder rate with the Wilson 95 % CI (R prop.test, correct = FALSE); " +
      "both kinds: mean change and mean percent change of the instrument's score with t-based 95 % CIs (quartiles R type 7); per-patient rows. Site roles see their sites' patients only.",
  })
  async clinicalEfficacy(
    @Arg("disease", { description: "Cohort (disease) code, e.g. \"RA\"." }) disease: string,
    @Arg("endpoint", () => String, { nullable: true, description: "Endpoint code (see efficacyEndpoints); the disease's PRIMARY endpoint when absent." }) endpoint: string | null,
    @Arg("visit", () => String, { nullable: true, description: "Planned visit code; the endpoint's default visit when absent." }) visit: string | null,
    @Arg("filter", () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | null,
    @Ctx() { dataSource, access, registry }: Context,
  ): Promise<ClinicalEfficacy> {
    const manager = dataSource.manager;
    const cohorts = await readableCohorts(manager, access);
    const cohort = requireCohort(cohorts, disease);
    const resolved = cohortEndpoint(registry, cohort, endpoint ?? null);
    const at = visit ?? resolved.endpoint.defaultVisit;
    await checkFollowUpVisits(manager, [{ cohort, visit: at }]);
    const population = await resolvePopulation(manager, access, filter, cohorts);
    const instruments = [resolved.endpoint.instrument, ...(resolved.criterion?.companions ?? [])];
    const patients = await loadEndpointAssessments(manager, access, { cohorts: [{ cohortId: cohort.id, visit: at }], instruments, population });
    return clinicalEfficacy(resolved, cohort, at, population, patients);
  }
}
