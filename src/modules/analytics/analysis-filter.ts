import { Field, InputType, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { invalidInput } from "../../errors";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access } from "../access/access";
import { scopeCondition } from "../access/site-scope";
import { Sex } from "../patients/patient-enums";
import type { Cohort } from "../study/cohort.entity";
import { Site } from "../study/site.entity";

/** Longest list a filter accepts (there are a handful of cohorts and sites). */
const MAX_CODES = 100;

@InputType({ description: "Which patients an analysis covers; every analysis query takes the same filter and names it back." })
export class AnalysisFilter {
  @Field(() => [String], { nullable: true, description: "Cohort (disease) codes, e.g. [\"RA\", \"SLE\"]; all cohorts when absent." })
  diseases?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Site codes; all sites the caller may read when absent." })
  sites?: string[] | null;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;

  @Field(() => Int, { nullable: true, description: "Youngest age at inclusion, in years, inclusive. Patients of unknown age are left out once an age bound is given." })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest age at inclusion, in years, inclusive." })
  maxAge?: number | null;
}

@ObjectType({ description: "The population an analysis covers: the filter as applied (null where it did not restrict)." })
export class AnalysisPopulation {
  @Field(() => [String], { nullable: true }) diseases: string[] | null;
  @Field(() => [String], { nullable: true }) sites: string[] | null;
  @Field(() => Sex, { nullable: true }) sex: Sex | null;
  @Field(() => Int, { nullable: true }) minAge: number | null;
  @Field(() => Int, { nullable: true }) maxAge: number | null;
  @Field({ description: "In words, e.g. \"cohorts RA, SLE; female; age 18–65\"; \"all patients the caller may read\" without a filter." })
  description: string;
}

const distinct = (codes: string[] | null | undefined) => (codes?.length ? [...new Set(codes)] : null);

/**
 * Checks a filter against the study's cohorts and sites (unknown codes are refused with the codes that
 * exist, rather than silently giving an empty population) and returns it as the population.
 */
export async function resolvePopulation(manager: EntityManager, access: Access, filter: AnalysisFilter | null | undefined, cohorts: readonly Cohort[]): Promise<AnalysisPopulation> {
  const diseases = distinct(filter?.diseases);
  const sites = distinct(filter?.sites);
  for (const [field, codes] of [["filter.diseases", diseases], ["filter.sites", sites]] as const) {
    if (codes && codes.length > MAX_CODES) throw invalidInput(field, `accepts at most ${MAX_CODES} codes`);
  }
  if (diseases) {
    const known = new Set(cohorts.map((c) => c.code));
    const unknown = diseases.filter((d) => !known.has(d));
    if (unknown.length) throw invalidInput("filter.diseases", `names no cohort ${unknown.map((u) => JSON.stringify(u)).join(", ")}`, [...known].sort().join(", "));
  }
  if (sites) {
    // Only the sites the caller may read count as known: another site's code is as unknown as a made-up one.
    const params = new Parameters();
    const qb = manager.createQueryBuilder(Site, "site").select(["site.code"]);
    const readable = scopeCondition("Site", "site", access.scope(), params);
    if (readable) qb.where(readable).setParameters(params.values);
    const known = new Set((await qb.getMany()).map((s) => s.code));
    const unknown = sites.filter((s) => !known.has(s));
    if (unknown.length) throw invalidInput("filter.sites", `names no site ${unknown.map((u) => JSON.stringify(u)).join(", ")}`, [...known].sort().join(", "));
  }
  const minAge = filter?.minAge ?? null;
  const maxAge = filter?.maxAge ?? null;
  if (minAge !== null && minAge < 0) throw invalidInput("filter.minAge", `must not be negative (got ${minAge})`);
  if (minAge !== null && maxAge !== null && maxAge < minAge) throw invalidInput("filter.maxAge", `must not be below minAge (got ${maxAge} < ${minAge})`);
  const sex = filter?.sex ?? null;
  const parts = [
    ...(diseases ? [`cohort${diseases.length === 1 ? "" : "s"} ${diseases.join(", ")}`] : []),
    ...(sites ? [`site${sites.length === 1 ? "" : "s"} ${sites.join(", ")}`] : []),
    ...(sex ? [sex.toLowerCase()] : []),
    ...(minAge !== null || maxAge !== null ? [`age ${minAge ?? ""}${minAge !== null && maxAge !== null ? "–" : minAge !== null ? "+" : "≤ "}${maxAge ?? ""}`] : []),
  ];
  return Object.assign(new AnalysisPopulation(), {
    diseases,
    sites,
    sex,
    minAge,
    maxAge,
    description: parts.length ? parts.join("; ") : "all patients the caller may read",
  });
}

/** The SQL condition on the patient (`patient`), its cohort (`cohort`) and site (`site`) aliases. */
export function populationCondition(population: AnalysisPopulation, params: Parameters, aliases: { patient: string; cohort: string; site: string }): string {
  const parts: string[] = [];
  if (population.diseases) parts.push(`"${aliases.cohort}"."code" IN ${params.bindList(population.diseases)}`);
  if (population.sites) parts.push(`"${aliases.site}"."code" IN ${params.bindList(population.sites)}`);
  if (population.sex) parts.push(`"${aliases.patient}"."sex" = ${params.bind(population.sex)}`);
  if (population.minAge !== null) parts.push(`"${aliases.patient}"."ageAtInclusion" >= ${params.bind(population.minAge)}`);
  if (population.maxAge !== null) parts.push(`"${aliases.patient}"."ageAtInclusion" <= ${params.bind(population.maxAge)}`);
  return parts.length ? parts.join(" AND ") : "1=1";
}
