import { Field, InputType, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { invalidInput } from "../../errors";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access } from "../access/access";
import { scopeCondition } from "../access/site-scope";
import { Sex } from "../patients/patient-enums";
import type { Cohort } from "../study/cohort.entity";
import { Site } from "../study/site.entity";
import { AnalysisSet, type AnalysisSetRule, DEFAULT_MAX_MISSED_DOSES, analysisSetCondition, describeAnalysisSet } from "./analysis-set";

/** Longest list a filter accepts (there are a handful of cohorts and sites). */
const MAX_CODES = 100;
/** Oldest age a filter names, in years: beyond any patient, so a larger bound is a mistake, not a filter. */
const MAX_AGE = 150;

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

  @Field(() => AnalysisSet, { nullable: true, description: "Analysis population; ALL_TREATED (at least one dose given) when absent." })
  population?: AnalysisSet | null;

  @Field(() => Int, {
    nullable: true,
    description: `PER_PROTOCOL only: most doses a patient may have missed before the analysed visit (planned doses of the cohort's regimen before the visit's study day, less doses given before it); ${DEFAULT_MAX_MISSED_DOSES} when absent (the protocol states no threshold).`,
  })
  maxMissedDoses?: number | null;

  @Field(() => Boolean, { nullable: true, description: "PER_PROTOCOL only: whether the patient must have attended the analysed visit (true when absent)." })
  presentAtVisit?: boolean | null;
}

@ObjectType({ description: "The population an analysis covers: the filter as applied (null where it did not restrict)." })
export class AnalysisPopulation {
  @Field(() => [String], { nullable: true }) diseases: string[] | null;
  @Field(() => [String], { nullable: true }) sites: string[] | null;
  @Field(() => Sex, { nullable: true }) sex: Sex | null;
  @Field(() => Int, { nullable: true }) minAge: number | null;
  @Field(() => Int, { nullable: true }) maxAge: number | null;
  @Field(() => AnalysisSet) population: AnalysisSet;
  @Field(() => Int, { nullable: true, description: "PER_PROTOCOL: the missed-dose threshold applied; null for ALL_TREATED." }) maxMissedDoses: number | null;
  @Field(() => Boolean, { nullable: true, description: "PER_PROTOCOL: whether attendance at the analysed visit was required; null for ALL_TREATED." }) presentAtVisit: boolean | null;
  @Field({ description: "In words, e.g. \"all treated (at least one dose given); cohorts RA, SLE; female; age 18–65\"; the analysis set always comes first." })
  description: string;
  /** The analysis set with the cohorts' regimens, for the SQL condition. */
  rule: AnalysisSetRule;
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
  for (const [field, age] of [["filter.minAge", minAge], ["filter.maxAge", maxAge]] as const) {
    if (age !== null && (age < 0 || age > MAX_AGE)) throw invalidInput(field, `must be between 0 and ${MAX_AGE} years (got ${age})`, `0–${MAX_AGE}`);
  }
  if (minAge !== null && maxAge !== null && maxAge < minAge) throw invalidInput("filter.maxAge", `must not be below minAge (got ${maxAge} < ${minAge})`);
  const sex = filter?.sex ?? null;
  const set = filter?.population ?? AnalysisSet.ALL_TREATED;
  const perProtocol = set === AnalysisSet.PER_PROTOCOL;
  if (!perProtocol && (filter?.maxMissedDoses != null || filter?.presentAtVisit != null)) {
    throw invalidInput(filter?.maxMissedDoses != null ? "filter.maxMissedDoses" : "filter.presentAtVisit", "applies to the PER_PROTOCOL population only", "population: PER_PROTOCOL");
  }
  const maxMissedDoses = perProtocol ? (filter?.maxMissedDoses ?? DEFAULT_MAX_MISSED_DOSES) : null;
  if (maxMissedDoses !== null && maxMissedDoses < 0) throw invalidInput("filter.maxMissedDoses", `must not be negative (got ${maxMissedDoses})`, "0 or more");
  const presentAtVisit = perProtocol ? (filter?.presentAtVisit ?? true) : null;
  const rule: AnalysisSetRule = { set, maxMissedDoses, presentAtVisit, regimens: cohorts.map((c) => ({ cohortId: c.id, regimen: c.regimen })) };
  const parts = [
    describeAnalysisSet(rule),
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
    population: set,
    maxMissedDoses,
    presentAtVisit,
    description: parts.join("; "),
    rule,
  });
}

/**
 * The SQL condition on the patient (`patient`), its cohort (`cohort`) and site (`site`) aliases.
 * `plannedVisitId` is an SQL expression for the analysed planned visit (per-protocol counts missed
 * doses up to it and checks attendance); absent, per-protocol looks at the whole treatment.
 */
export function populationCondition(population: AnalysisPopulation, params: Parameters, aliases: { patient: string; cohort: string; site: string; plannedVisitId?: string }): string {
  const parts: string[] = [analysisSetCondition(population.rule, params, aliases.patient, aliases.plannedVisitId ?? null)];
  if (population.diseases) parts.push(`"${aliases.cohort}"."code" IN ${params.bindList(population.diseases)}`);
  if (population.sites) parts.push(`"${aliases.site}"."code" IN ${params.bindList(population.sites)}`);
  if (population.sex) parts.push(`"${aliases.patient}"."sex" = ${params.bind(population.sex)}`);
  if (population.minAge !== null) parts.push(`"${aliases.patient}"."ageAtInclusion" >= ${params.bind(population.minAge)}`);
  if (population.maxAge !== null) parts.push(`"${aliases.patient}"."ageAtInclusion" <= ${params.bind(population.maxAge)}`);
  return parts.join(" AND ");
}

/** The cohorts a population covers: the filter's diseases, or every cohort the caller may read. */
export function cohortsOf(population: AnalysisPopulation, readable: readonly Cohort[]): readonly Cohort[] {
  return population.diseases ? readable.filter((c) => population.diseases!.includes(c.code)) : readable;
}
