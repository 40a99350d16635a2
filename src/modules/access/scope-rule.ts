import type { DataSource, EntityMetadata } from "typeorm";

/**
 * How the rows of an entity belong to a site, declared once per entity with `@ScopeRule(...)` beside
 * its `@Entity`. Site scoping (site-scope.ts) reads nothing else, and the application refuses to start
 * while an entity of the data source has no rule (see `assertScopeRules`), so that a new table is never
 * served unrestricted by default.
 *
 * - `patient record`: each row names its patient (`patientId`), so belongs to the patient's site.
 * - `visit record`: each row names its visit (`visitId`), so belongs to the site of the visit's patient.
 * - `patient`: a patient row (`studyId`, `siteId`).
 * - `site`: a site row (`studyId`, its own `id`).
 * - `shared`: not site data (the study's design, catalogues, accounts): every reader sees the same rows.
 *   Declared with the reason it holds no site's data.
 */
export type ScopeKind = "patient record" | "visit record" | "patient" | "site" | "shared";

export interface DeclaredScope {
  kind: ScopeKind;
  /** Why the rows are not site data; only for `shared`. */
  reason?: string;
}

/** Columns a rule's SQL condition reads: an entity without them cannot follow the rule. */
const REQUIRED_COLUMNS: Record<ScopeKind, string[]> = {
  "patient record": ["patientId"],
  "visit record": ["visitId"],
  patient: ["studyId", "siteId"],
  site: ["studyId"],
  shared: [],
};

/** Columns that tie a row to a patient, and so to a site: a table with one of them is site data. */
const SITE_DATA_COLUMNS = ["patientId", "visitId"];

const HOW_TO_DECLARE = "declare it with @ScopeRule(...) (src/modules/access/scope-rule.ts) beside its @Entity decorator";

/** Entity class name → its rule. */
const rules = new Map<string, DeclaredScope>();

/** Declares how the rows of the decorated entity belong to a site (see ScopeKind). */
export function ScopeRule(kind: Exclude<ScopeKind, "shared">): ClassDecorator;
export function ScopeRule(kind: "shared", reason: string): ClassDecorator;
export function ScopeRule(kind: ScopeKind, reason?: string): ClassDecorator {
  return (target) => {
    if (rules.has(target.name)) throw new Error(`Entity ${target.name} declares its site-scope rule twice (or two entities share the name)`);
    if (kind === "shared" && !reason?.trim()) throw new Error(`Entity ${target.name} is declared shared without a reason: state why its rows hold no site's data`);
    rules.set(target.name, { kind, reason });
  };
}

/** The rule of an entity, by its TypeORM name; throws for an entity without one (never "unrestricted"). */
export function scopeRuleOf(entity: string): DeclaredScope {
  const rule = rules.get(entity);
  if (!rule) throw new Error(`Entity ${entity} has no site-scope rule: ${HOW_TO_DECLARE}`);
  return rule;
}

/** What is wrong with the rule of one entity, or undefined when it has a rule it can follow. */
function ruleProblem(metadata: EntityMetadata): string | undefined {
  const rule = rules.get(metadata.name);
  if (!rule) return `Entity ${metadata.name} has no site-scope rule: ${HOW_TO_DECLARE}`;
  const columns = new Set(metadata.columns.map((column) => column.databaseName));
  const missing = REQUIRED_COLUMNS[rule.kind].filter((column) => !columns.has(column));
  if (missing.length) return `Entity ${metadata.name} is declared "${rule.kind}" but has no ${missing.join(", ")} column`;
  const tied = SITE_DATA_COLUMNS.filter((column) => columns.has(column));
  if (rule.kind === "shared" && tied.length) return `Entity ${metadata.name} is declared shared but its ${tied.join(", ")} column ties each row to a patient's site: declare it "patient record" or "visit record"`;
  return undefined;
}

/**
 * Checked at startup: every entity of the data source has a rule it can follow. Fails with every
 * problem found, each naming its entity.
 */
export function assertScopeRules(dataSource: DataSource): void {
  const problems = dataSource.entityMetadatas.map(ruleProblem).filter((problem) => problem !== undefined);
  if (problems.length) throw new Error(`Site scope: ${problems.join("; ")}`);
}
