import { getNamedType, parse, isEnumType, isInterfaceType, isLeafType, isNonNullType, isObjectType } from "graphql";
import type { GraphQLField, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "../../src/graphql/global-id";
import { QUERY_LIMITS } from "../../src/graphql/limits";
import type { Access } from "../../src/modules/access/access";
import { scopeRuleOf } from "../../src/modules/access/scope-rule";
import type { ScopeKind } from "../../src/modules/access/scope-rule";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

/**
 * Site isolation, checked by walking the whole schema: every root query field, and every relation
 * reachable from it, is queried as an investigator of site 01, and every object that comes back is
 * checked against the database to belong to site 01; every count, aggregate and group is compared
 * with what an unrestricted reader sees once filtered to site 01.
 */

/** Every entity with a table, by its GraphQL type name, and how its rows belong to a site (scope-rule.ts). */
interface EntityTable {
  table: string;
  scope: ScopeKind;
  /** The site id of a row `"r"` of the table, as SQL; undefined for shared rows, which belong to no site. */
  site?: string;
}

/** The SQL giving the site id of a row `"r"` that follows `scope`. */
function siteOfRow(scope: ScopeKind): string | undefined {
  const patientSite = (patientId: string) => `(SELECT "p"."siteId" FROM "patient" "p" WHERE "p"."id" = ${patientId})`;
  switch (scope) {
    case "patient":
      return `"r"."siteId"`;
    case "site":
      return `"r"."id"`;
    case "patient record":
      return patientSite(`"r"."patientId"`);
    case "visit record":
      return patientSite(`(SELECT "v"."patientId" FROM "visit" "v" WHERE "v"."id" = "r"."visitId")`);
    case "shared":
      return undefined;
  }
}

/** The data source's entities with their declared rules: a new kind of patient record is walked and checked without being listed here. */
function entityTables(dataSource: DataSource): Map<string, EntityTable> {
  return new Map(
    dataSource.entityMetadatas.map((metadata) => {
      const { kind } = scopeRuleOf(metadata.name);
      return [metadata.name, { table: metadata.tableName, scope: kind, site: siteOfRow(kind) }];
    }),
  );
}

/** Catalogue queries that compute from their arguments and read no clinical data. */
const SKIPPED_ROOTS = new Set(["activityBand", "computeScore", "evaluateResponse", "instrument"]);
/** Nested fields with required arguments the walker does not invent (a per-patient computation on the patient's own visits). */
const SKIPPED_NESTED = new Set(["Patient.response"]);

/** Entity (Node) levels below a root field. */
const MAX_ENTITY_DEPTH = 4;
/** Field nesting allowed by the server (src/graphql/limits.ts). */
const MAX_FIELD_DEPTH = 12;
/** A type may appear at most this many times on a path (one cycle back to it, then stop). */
const MAX_TYPE_REPEAT = 2;

interface Sel {
  /** A field (`name(args)`), or an inline fragment (`... on Type`). */
  head: string;
  /** Empty for leaves. */
  children: Sel[];
}

const leaf = (head: string): Sel => ({ head, children: [] });
const render = (sel: Sel): string => (sel.children.length ? `${sel.head} { ${sel.children.map(render).join(" ")} }` : sel.head);

/** `first` of a connection by how many connections enclose it, so nested pages stay under the cost limit. */
const pageSize = (connectionsAbove: number) => [100, 3, 2, 1][Math.min(connectionsAbove, 3)];

/** An object type that implements Node: an entity with a global id, fetchable by node(id). */
function isNodeType(schema: GraphQLSchema, name: string): boolean {
  const type = schema.getType(name);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");
}

class Walker {
  readonly skipped = new Set<string>();
  readonly fieldsSeen = new Set<string>();
  /** Object types from which site data (patients, sites and their records) can be reached. */
  private readonly reachesSiteData: Set<string>;

  constructor(
    private readonly schema: GraphQLSchema,
    siteData: string[],
  ) {
    this.reachesSiteData = new Set(siteData);
    const objects = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType | GraphQLInterfaceType => (isObjectType(t) || isInterfaceType(t)) && !t.name.startsWith("__"));
    for (let changed = true; changed; ) {
      changed = false;
      for (const type of objects) {
        if (this.reachesSiteData.has(type.name)) continue;
        const targets = Object.values(type.getFields()).map((f) => getNamedType(f.type).name);
        const implementations = isInterfaceType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [];
        if ([...targets, ...implementations].some((name) => this.reachesSiteData.has(name))) {
          this.reachesSiteData.add(type.name);
          changed = true;
        }
      }
    }
  }

  /**
   * The selection of an object or interface type along `path` (type names from the root). Catalogue
   * types, from which no site data can be reached (Disease, Instrument, ImmuneParameter…), are walked
   * in full under their own root fields and cut to their scalars where they hang off clinical data.
   */
  selection(type: GraphQLObjectType | GraphQLInterfaceType, path: string[], fieldDepth: number, connections: number, only?: string): Sel[] {
    if (isInterfaceType(type)) {
      const implementations = this.schema.getPossibleTypes(type).filter((t) => !only || t.name === only);
      // The server counts an inline fragment as a level of depth.
      return [leaf("__typename"), leaf("id"), ...implementations.map((t) => ({ head: `... on ${t.name}`, children: this.selection(t, [...path, t.name], fieldDepth + 1, connections) }))];
    }
    const out: Sel[] = [leaf("__typename")];
    const entities = path.filter((name) => this.isEntity(name)).length;
    const catalogueOnly = path.every((name) => !this.reachesSiteData.has(name));
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const key = `${type.name}.${field.name}`;
      if (isLeafType(named)) {
        if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) {
          this.skipped.add(key);
          continue;
        }
        out.push(leaf(field.name));
        this.fieldsSeen.add(key);
        continue;
      }
      if (SKIPPED_NESTED.has(key) || field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) {
        this.skipped.add(key);
        continue;
      }
      const target = named as GraphQLObjectType | GraphQLInterfaceType;
      // An edge's node is the same object as the connection's nodes: walk it to its id only.
      if (type.name.endsWith("Edge") && field.name === "node") {
        out.push({ head: "node", children: [leaf("__typename"), leaf("id")] });
        this.fieldsSeen.add(key);
        continue;
      }
      if (fieldDepth + 1 >= MAX_FIELD_DEPTH) continue;
      if (path.filter((name) => name === target.name).length >= MAX_TYPE_REPEAT) continue;
      if (this.isEntity(target.name) && entities >= MAX_ENTITY_DEPTH) continue;
      // Below clinical data, a catalogue object is selected with its scalars only.
      if (!catalogueOnly && !this.reachesSiteData.has(target.name) && !this.reachesSiteData.has(type.name)) continue;
      const isConnection = target.name.endsWith("Connection");
      const head = isConnection ? `${field.name}(first: ${pageSize(connections)})` : field.name;
      const children = this.selection(target, [...path, target.name], fieldDepth + 1, connections + (isConnection ? 1 : 0));
      out.push({ head, children });
      this.fieldsSeen.add(key);
    }
    return out;
  }

  /** The selection of a root field, given its arguments. */
  root(field: GraphQLField<unknown, unknown>, args = "", only?: string): Sel {
    const named = getNamedType(field.type);
    this.fieldsSeen.add(`Query.${field.name}`);
    if (isLeafType(named)) return leaf(`${field.name}${args}`);
    const isConnection = named.name.endsWith("Connection");
    const head = `${field.name}${args || (isConnection ? "(first: 100)" : "")}`;
    return { head, children: this.selection(named as GraphQLObjectType, [named.name], 1, isConnection ? 1 : 0, only) };
  }

  private isEntity(name: string): boolean {
    return isNodeType(this.schema, name);
  }
}

/** Splits a selection that the server refused into smaller ones whose union covers it; [sel] when it cannot be split. */
function split(sel: Sel): Sel[] {
  const objects = sel.children.filter((c) => c.children.length);
  const leaves = sel.children.filter((c) => !c.children.length);
  const keep = leaves.length ? leaves : [leaf("__typename")];
  // Every part keeps the object's type and id, so that what it returns can still be attributed.
  const anchor = [leaf("__typename"), ...leaves.filter((l) => l.head === "id")];
  if (objects.length === 0) return [sel];
  if (objects.length === 1) {
    const inner = split(objects[0]);
    const parts = inner.length > 1 || leaves.length > 1 ? inner.map((c) => ({ head: sel.head, children: [...anchor, c] })) : [];
    if (leaves.length > 1) parts.push({ head: sel.head, children: keep });
    return parts.length ? parts : [sel];
  }
  const half = Math.ceil(objects.length / 2);
  return [
    { head: sel.head, children: [...keep, ...objects.slice(0, half)] },
    { head: sel.head, children: [...anchor, ...objects.slice(half)] },
  ];
}

/** Halves the innermost page size of a selection that cannot be split further; undefined when every page is 1. */
function shrink(sel: Sel): Sel | undefined {
  for (let i = sel.children.length - 1; i >= 0; i--) {
    const smaller = shrink(sel.children[i]);
    if (smaller) return { ...sel, children: sel.children.map((c, j) => (j === i ? smaller : c)) };
  }
  const match = /\(first: (\d+)\)$/.exec(sel.head);
  if (match && Number(match[1]) > 1) return { ...sel, head: sel.head.replace(/\(first: \d+\)$/, `(first: ${Math.floor(Number(match[1]) / 2)})`) };
  return undefined;
}

/** Only the cost limit is left to the server to judge: depth and tokens are kept under locally. */
const isLimitError = (message: string) => /cost/i.test(message);

interface Found {
  type: string;
  key: number;
  path: string;
}

/** Every global id, group key `site`, Site code, and count-bearing object in a response. */
function collect(value: unknown, path: string, nodeTypes: Set<string>, into: { ids: Map<string, Found>; groupSites: Array<{ site: string | null; path: string }>; objects: Array<{ path: string; object: Record<string, any> }> }) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, `${path}[${i}]`, nodeTypes, into));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const object = value as Record<string, any>;
  // Global ids are those of Node types (entities); Disease, Instrument, User… have plain ids.
  if (typeof object.id === "string" && nodeTypes.has(object.__typename)) {
    const decoded = fromGlobalId(object.id);
    if (!decoded || decoded.type !== object.__typename) throw new Error(`id ${object.id} of a ${object.__typename} at ${path} is not its global id`);
    // One place each row was seen is enough to name a leak; every place would not fit in memory.
    const row = `${decoded.type}:${decoded.key}`;
    if (!into.ids.has(row)) into.ids.set(row, { ...decoded, path });
  }
  if (typeof object.__typename === "string" && object.__typename.endsWith("GroupKey") && "site" in object) into.groupSites.push({ site: object.site, path });
  // Only the objects the checks below read are kept: every object of every answer would not fit in memory.
  if (["Site", "Study", "Cohort"].includes(object.__typename)) into.objects.push({ path, object });
  for (const [key, child] of Object.entries(object)) collect(child, `${path}.${key}`, nodeTypes, into);
}

describe.each(testDatabases)("site isolation on %s: an investigator of site 01 sees nothing of another site through any path", (kind) => {
  let t: TestApp;
  let investigator: Access;
  let manager: Access;
  let site01: number;
  let otherSites: number[];
  /** Patient id → site id, for every patient. */
  const patientSite = new Map<number, number>();
  let tables: Map<string, EntityTable>;
  /** Entities that are Node types: their ids are global ids, and node(id) fetches them. */
  let nodeTypes: Set<string>;
  /** Node types whose rows belong to a site (all but the shared ones). */
  let siteNodeTypes: string[];

  /** Runs `sql`, written with `?` placeholders, numbering them (`$1`…) for PostgreSQL. */
  const one = async <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    return t.dataSource.query(kind === "postgres" ? sql.replace(/\?/g, () => `$${++n}`) : sql, params);
  };

  /** The site of any row (undefined for rows that are not site data). */
  async function siteOf(type: string, key: number): Promise<number | undefined> {
    const { table, site } = tables.get(type)!;
    if (site === undefined) return undefined;
    const [row] = await one<{ site: number }>(`SELECT ${site} AS "site" FROM "${table}" "r" WHERE "r"."id" = ?`, [key]);
    if (!row) throw new Error(`${type}:${key} does not exist`);
    return row.site;
  }

  /** Ids of the rows of `type` whose site meets `condition` (e.g. `= 3`), every row for shared types. */
  async function idsWhereSite(type: string, condition: string): Promise<number[]> {
    const { table, site } = tables.get(type)!;
    const rows = await one<{ id: number }>(`SELECT "r"."id" FROM "${table}" "r" ${site === undefined ? "" : `WHERE ${site} ${condition}`} ORDER BY "r"."id"`);
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    investigator = await t.accessOf("demo-investigator-01");
    manager = await t.accessOf("demo-data-manager");
    const sites = await one<{ id: number; code: string }>(`SELECT "id", "code" FROM "site"`);
    site01 = sites.find((s) => s.code === "01")!.id;
    otherSites = sites.filter((s) => s.code !== "01").map((s) => s.id);
    for (const p of await one<{ id: number; siteId: number }>(`SELECT "id", "siteId" FROM "patient"`)) patientSite.set(p.id, p.siteId);
    tables = entityTables(t.dataSource);
    nodeTypes = new Set([...tables.keys()].filter((type) => isNodeType(t.app.schema, type)));
    siteNodeTypes = [...nodeTypes].filter((type) => tables.get(type)!.scope !== "shared");
  });
  afterAll(async () => {
    await t.close();
  });

  it("has patients at site 01 and at other sites (so isolation is observable)", () => {
    expect(otherSites.length).toBeGreaterThan(0);
    expect([...patientSite.values()].filter((s) => s === site01).length).toBeGreaterThan(0);
    expect([...patientSite.values()].filter((s) => s !== site01).length).toBeGreaterThan(0);
  });

  it("walks every query field and relation as demo-investigator-01 and finds only site 01", { timeout: 600_000 }, async () => {
    const schema = t.app.schema;
    const walker = new Walker(
      schema,
      [...tables].filter(([, { scope }]) => scope !== "shared").map(([type]) => type),
    );
    const queryType = schema.getQueryType()!;
    const roots: Sel[] = [];
    const rootsWalked = new Set<string>();

    // Ids of one row of every Node type at site 01 (for node(id)), and of patients at every site (for patient(id)).
    const nodeIds: string[] = [];
    for (const type of nodeTypes) {
      const [id] = await idsWhereSite(type, `= ${site01}`);
      expect(id, `a ${type} at site 01`).toBeDefined();
      nodeIds.push(toGlobalId(type, id));
    }
    const patientIds = [...patientSite].filter(([, s]) => s === site01).slice(0, 2).concat(otherSites.map((s) => [...patientSite].find(([, ps]) => ps === s)!));
    const [disease] = (await t.data(`{ diseases { id } }`, undefined, manager)).diseases as Array<{ id: string }>;
    const cohortCodes = ((await t.data(`{ study { cohorts { code } } }`, undefined, manager)).study.cohorts as Array<{ code: string }>).map((c) => c.code);

    for (const field of Object.values(queryType.getFields())) {
      if (SKIPPED_ROOTS.has(field.name)) continue;
      rootsWalked.add(field.name);
      if (field.name === "node") {
        // node(id) with the fragment of the id's type (the others would select nothing).
        for (const id of nodeIds) roots.push(walker.root(field, `(id: "${id}")`, fromGlobalId(id)!.type));
      } else if (field.name === "patient") {
        // Another site's patient must come back null, so its id alone is enough to ask for.
        for (const [key, site] of patientIds) roots.push(site === site01 ? walker.root(field, `(id: "${toGlobalId("Patient", key)}")`) : { head: `patient(id: "${toGlobalId("Patient", key)}")`, children: [leaf("__typename"), leaf("id")] });
      } else if (field.name === "disease") {
        roots.push(walker.root(field, `(id: "${disease.id}")`));
      } else if (field.name === "clinicalEfficacy") {
        // Each cohort's primary endpoint. Its rows carry pseudonyms, not ids: that they are site 01's only is
        // checked against the database in tests/api/efficacy.test.ts.
        for (const code of cohortCodes) roots.push(walker.root(field, `(disease: "${code}")`));
      } else if (field.name.endsWith("Groups")) {
        const by = getNamedType(field.args.find((a) => a.name === "by")!.type);
        if (!isEnumType(by)) throw new Error(`${field.name}(by:) is not an enum list`);
        for (const value of by.getValues()) roots.push(walker.root(field, `(by: [${value.name}])`));
        roots.push(walker.root(field, `(by: [${by.getValues().map((v) => v.name).join(", ")}])`));
      } else {
        const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
        if (required.length) throw new Error(`no arguments known for Query.${field.name}(${required.map((a) => a.name).join(", ")})`);
        roots.push(walker.root(field));
      }
    }

    const found = { ids: new Map<string, Found>(), groupSites: [] as Array<{ site: string | null; path: string }>, objects: [] as Array<{ path: string; object: Record<string, any> }> };
    let queries = 0;
    let refused = 0;
    const forbidden = new Set<string>();
    const run = async (sel: Sel): Promise<void> => {
      const query = `{ ${render(sel)} }`;
      // Split locally what the server's token limit would refuse anyway.
      try {
        parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
      } catch {
        const parts = split(sel);
        if (parts.length < 2) throw new Error(`cannot split under the token limit: ${query}`);
        for (const part of parts) await run(part);
        return;
      }
      const result = await t.execute(query, undefined, investigator);
      queries++;
      if (result.errors?.length) {
        const limit = result.errors.find((e) => isLimitError(e.message));
        // MAX_GROUPS: grouping by every dimension at once may give too many groups; the single dimensions are walked anyway.
        if (!limit && result.errors.every((e) => /gives more than \d+ groups/.test(e.message)) && sel.head.includes(",")) return;
        // A root field the investigator may not use at all (e.g. the audit trail) is refused outright: nothing leaks.
        if (!limit && result.errors.every((e) => e.extensions?.code === "FORBIDDEN" && e.path?.length === 1) && result.data === null) {
          forbidden.add(sel.head.replace(/\(.*$/, ""));
          return;
        }
        if (!limit) throw new Error(`${query}\n→ ${JSON.stringify(result.errors)}`);
        refused++;
        // A part that is the refused selection itself would be refused again, for ever: shrink instead.
        const parts = split(sel);
        if (parts.length > 1 && parts.every((part) => render(part) !== render(sel))) {
          for (const part of parts) await run(part);
          return;
        }
        const smaller = shrink(sel);
        if (!smaller) throw new Error(`cannot fit under the query limits: ${query}\n→ ${limit.message}`);
        await run(smaller);
        return;
      }
      collect(result.data, "", nodeTypes, found);
    };
    for (const root of roots) {
      const t0 = Date.now(), q0 = queries;
      await run(root);
      if (process.env.WALK_DEBUG) console.log(`${root.head}: ${queries - q0} queries, ${Date.now() - t0} ms`);
    }

    // Coverage: every root field but the catalogue computations, and the whole relation graph.
    expect(rootsWalked.size).toBe(Object.keys(queryType.getFields()).length - SKIPPED_ROOTS.size);
    expect([...walker.skipped].sort()).toEqual([...SKIPPED_NESTED].sort());
    for (const relation of ["Cohort.patients", "Site.patients", "Study.sites", "Study.cohorts", "Visit.patient", "Patient.visits", "Patient.concomitantMedications", "Visit.immuneMeasurements", "ImmuneMeasurement.changeFromBaseline", "Patient.latestActivity", "AdverseEvent.visit"]) {
      expect(walker.fieldsSeen.has(relation), relation).toBe(true);
    }
    console.log(
      `site isolation walker: ${rootsWalked.size} root fields, ${roots.length} root selections, ${queries} queries (${refused} refused for the limits, then split or shrunk), ` +
        `${found.ids.size} ids, ${walker.fieldsSeen.size} fields; forbidden to the investigator: ${[...forbidden].join(", ") || "none"}`,
    );
    expect([...forbidden].sort()).toEqual(["auditTrail", "verifyAuditTrail"]);

    // Not vacuous: site-01 data of every clinical type came back.
    const typesSeen = new Set([...found.ids.values()].map((f) => f.type));
    for (const type of siteNodeTypes) expect(typesSeen.has(type), `some ${type} returned`).toBe(true);

    // No id of another site.
    const leaks: string[] = [];
    const checked = new Map<string, number | undefined>();
    for (const { type, key, path } of found.ids.values()) {
      const id = `${type}:${key}`;
      if (!checked.has(id)) checked.set(id, await siteOf(type, key));
      const site = checked.get(id);
      if (site !== undefined && site !== site01) leaks.push(`${id} (site ${site}) at ${path}`);
    }
    // No group of another site; no Site other than 01; no count beyond site 01.
    // (A group key's site is null when the groups are not by SITE.)
    for (const { site, path } of found.groupSites) if (site !== "01" && site !== null) leaks.push(`group key site ${site} at ${path}`);
    const cohortCount01 = new Map(
      (await one<{ cohortId: number; n: number }>(`SELECT "cohortId", COUNT(*) AS n FROM "patient" WHERE "siteId" = ? GROUP BY "cohortId"`, [site01])).map((r) => [r.cohortId, Number(r.n)]),
    );
    const [{ n: patients01 }] = await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "patient" WHERE "siteId" = ?`, [site01]);
    for (const { path, object } of found.objects) {
      const at = (what: string, actual: unknown, expected: unknown) => {
        if (actual !== expected) leaks.push(`${path}.${what} = ${actual}, expected ${expected} (site 01 only)`);
      };
      if (object.__typename === "Site" && "code" in object) at("code", object.code, "01");
      if (object.__typename === "Study" && "patientCount" in object) at("patientCount", object.patientCount, Number(patients01));
      if (object.__typename === "Cohort" && ("patientCount" in object || object.patients)) {
        if (typeof object.id !== "string") throw new Error(`a Cohort without its id at ${path}`);
        const expected = cohortCount01.get(fromGlobalId(object.id)!.key) ?? 0;
        if ("patientCount" in object) at("patientCount", object.patientCount, expected);
        if (object.patients?.totalCount !== undefined) at("patients.totalCount", object.patients.totalCount, expected);
        if (object.patients?.aggregates?.count !== undefined) at("patients.aggregates.count", object.patients.aggregates.count, expected);
      }
      if (object.__typename === "Site" && object.patients?.totalCount !== undefined) at("patients.totalCount", object.patients.totalCount, Number(patients01));
    }
    expect(leaks, leaks.slice(0, 30).join("\n")).toEqual([]);
  });

  const connections: Array<[root: string, aggregates: string]> = [
    ["patients", "count ageAtInclusion { count min max mean } diseaseDurationYears { count min max mean } yearOfBirth { count min max mean }"],
    ["visits", "count studyDay { count min max mean }"],
    ["adverseEvents", "count grade { count min max mean }"],
    ["assessments", "count score { count min max mean }"],
    ["doses", "count dose { count min max mean } studyDay { count min max mean }"],
    ["immuneMeasurements", "count value { count min max mean }"],
    ["labResults", "count value { count min max mean }"],
  ];
  const site01Where = (root: string) => (root === "patients" ? `{ site: { code: { eq: "01" } } }` : `{ patient: { site: { code: { eq: "01" } } } }`);

  it("counts and aggregates every list as the data manager does once filtered to site 01", async () => {
    for (const [root, aggregates] of connections) {
      const selection = `totalCount aggregates { ${aggregates} }`;
      const mine = await t.data(`{ ${root}(first: 1) { ${selection} } }`, undefined, investigator);
      const all = await t.data(`{ ${root}(first: 1) { ${selection} } }`, undefined, manager);
      const expected = await t.data(`{ ${root}(first: 1, where: ${site01Where(root)}) { ${selection} } }`, undefined, manager);
      expect(expected[root].totalCount, `${root} at site 01`).toBeGreaterThan(0);
      expect(expected[root].totalCount, `${root} elsewhere`).toBeLessThan(all[root].totalCount);
      expect(mine[root], root).toEqual(expected[root]);
    }
  });

  it("groups every list by every dimension as the data manager does once filtered to site 01", async () => {
    const schema = t.app.schema;
    let compared = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields()).filter((f) => f.name.endsWith("Groups"))) {
      const by = getNamedType(field.args.find((a) => a.name === "by")!.type);
      if (!isEnumType(by)) throw new Error("by is not an enum");
      const groupType = getNamedType(field.type) as GraphQLObjectType;
      const keyType = getNamedType(groupType.getFields().key.type) as GraphQLObjectType;
      const stats = Object.values(groupType.getFields())
        .filter((f) => getNamedType(f.type).name === "NumberStats")
        .map((f) => `${f.name} { count min max mean }`)
        .join(" ");
      const selection = `key { ${Object.keys(keyType.getFields()).join(" ")} } count ${stats}`;
      const where = site01Where(field.name === "patientGroups" ? "patients" : "records");
      for (const value of by.getValues()) {
        const mine = await t.data(`{ g: ${field.name}(by: [${value.name}]) { ${selection} } }`, undefined, investigator);
        const expected = await t.data(`{ g: ${field.name}(by: [${value.name}], where: ${where}) { ${selection} } }`, undefined, manager);
        expect(expected.g.length, `${field.name} by ${value.name}`).toBeGreaterThan(0);
        expect(mine.g, `${field.name} by ${value.name}`).toEqual(expected.g);
        if (value.name === "SITE") expect(mine.g.map((g: any) => g.key.site)).toEqual(["01"]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("cannot filter onto another site: every list filtered to site 02 is empty", async () => {
    const site02 = await one<{ id: number; code: string }>(`SELECT "id", "code" FROM "site" WHERE "id" <> ?`, [site01]);
    for (const { id, code } of site02) {
      for (const [root] of connections) {
        const bySite = root === "patients" ? `{ site: { code: { eq: "${code}" } } }` : `{ patient: { site: { code: { eq: "${code}" } } } }`;
        const bySiteId = root === "patients" ? `{ siteId: { eq: "${toGlobalId("Site", id)}" } }` : `{ patient: { siteId: { eq: "${toGlobalId("Site", id)}" } } }`;
        for (const where of [bySite, bySiteId]) {
          const all = await t.data(`{ l: ${root}(first: 100, where: ${where}) { totalCount aggregates { count } nodes { id } } }`, undefined, manager);
          const mine = await t.data(`{ l: ${root}(first: 100, where: ${where}) { totalCount aggregates { count } nodes { id } } }`, undefined, investigator);
          // Not vacuous: the site has such rows, the investigator just cannot reach them.
          expect(all.l.totalCount, `${root} at site ${code} (data manager)`).toBeGreaterThan(0);
          expect(mine.l, `${root}(where: ${where})`).toEqual({ totalCount: 0, aggregates: { count: 0 }, nodes: [] });
        }
      }
      const groups = await t.data(`{ patientGroups(by: [SITE], where: { site: { code: { eq: "${code}" } } }) { count } immuneMeasurementGroups(by: [SITE], where: { patient: { site: { code: { eq: "${code}" } } } }) { count } }`, undefined, investigator);
      expect(groups).toEqual({ patientGroups: [], immuneMeasurementGroups: [] });
      const sitePatients = await t.data(`{ study { sites { code patients(first: 100, where: { site: { code: { eq: "${code}" } } }) { totalCount } } } }`, undefined, investigator);
      expect(sitePatients.study.sites).toEqual([{ code: "01", patients: { totalCount: 0 } }]);
    }
  });

  it("relation filters count only site 01 (patients with visits, with adverse events, …)", async () => {
    for (const where of [`{ visits: { some: {} } }`, `{ adverseEvents: { some: {} } }`, `{ immuneMeasurements: { some: {} } }`, `{ labResults: { some: {} } }`, `{ assessments: { some: {} } }`]) {
      const mine = await t.data(`{ patients(first: 100, where: ${where}) { totalCount nodes { id } } }`, undefined, investigator);
      const expected = await t.data(`{ patients(first: 100, where: { and: [${where}, { site: { code: { eq: "01" } } }] }) { totalCount nodes { id } } }`, undefined, manager);
      expect(mine.patients, where).toEqual(expected.patients);
    }
    const visited = await t.data(`{ patients(first: 100, where: { visits: { some: {} } }) { totalCount } }`, undefined, investigator);
    expect(visited.patients.totalCount).toBeGreaterThan(0);
  });

  it("answers null for another site's rows fetched by id, whatever their type", async () => {
    let asked = 0;
    const others = [...patientSite].filter(([, s]) => s !== site01).map(([id]) => id);
    for (const type of siteNodeTypes) {
      const rows = await idsWhereSite(type, `<> ${site01}`);
      expect(rows.length, `${type} rows at other sites`).toBeGreaterThan(0);
      // At most 30 rows per type, spread over the table, 15 (the alias limit) per query.
      const step = Math.max(1, Math.floor(rows.length / 30));
      const sample = rows.filter((_, i) => i % step === 0).slice(0, 30);
      for (let i = 0; i < sample.length; i += 15) {
        const chunk = sample.slice(i, i + 15);
        const query = `{ ${chunk.map((id, j) => `n${j}: node(id: "${toGlobalId(type, id)}") { id }`).join(" ")} }`;
        const mine = await t.data(query, undefined, investigator);
        const all = await t.data(query, undefined, manager);
        expect(Object.values(all).every((v) => v !== null), `${type} visible to the data manager`).toBe(true);
        expect(Object.values(mine), `${type} by node(id)`).toEqual(chunk.map(() => null));
        asked += chunk.length;
      }
    }
    for (const id of others) {
      expect((await t.data(`{ patient(id: "${toGlobalId("Patient", id)}") { id } }`, undefined, investigator)).patient).toBeNull();
    }
    expect(asked).toBeGreaterThan(50);
  });
});
