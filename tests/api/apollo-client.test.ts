import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "node:util";
import { ApolloClient, HttpLink, InMemoryCache, isReference, setLogVerbosity } from "@apollo/client/core";
import type { NormalizedCacheObject, PossibleTypesMap } from "@apollo/client/core";
import { loadDevMessages, loadErrorMessages } from "@apollo/client/dev";
import { Kind, parse } from "graphql";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import { bearer } from "../support/bearer";
import type { RunningServer } from "../../src/server";

// A real client with its normalised cache, configured with defaults only (plus possibleTypes read from the
// schema): every documented query must be answerable from the cache, and no query may overwrite another's
// data — which needs every object with an `id` in the schema to be fetched with its `id`.

const root = join(__dirname, "..", "..");

interface DocumentedQuery {
  name: string;
  document: DocumentNode;
}

const operationsOf = (document: DocumentNode) =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

const rootFields = (document: DocumentNode) =>
  operationsOf(document).flatMap((op) => op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])));

const needsPatientId = (document: DocumentNode) =>
  operationsOf(document).some((op) => op.variableDefinitions?.some((v) => v.variable.name.value === "id"));

const docsQuery = (file: string): DocumentedQuery => ({
  name: `docs/queries/${file}`,
  document: parse(readFileSync(join(root, "docs", "queries", file), "utf8")),
});

/** Every ```graphql block of the README that is a query and has no placeholder ids ("…"). */
function readmeQueries(): DocumentedQuery[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((match) => match[1])
    .filter((text) => !text.includes("…"))
    .map((text) => parse(text))
    .filter((document) => operationsOf(document).every((op) => op.operation === "query"))
    .map((document) => ({ name: `README { ${rootFields(document).join(" ")} }`, document }));
}

let auth: { authorization: string };
const post = async (url: string, query: string) => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...auth }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
};

interface SchemaFacts {
  /** For every interface and union, its object types (for InMemoryCache's possibleTypes). */
  possibleTypes: PossibleTypesMap;
  /** Object types with an `id` field: the cache should hold each of their objects once, by id. */
  typesWithId: Set<string>;
}

/** Reads the schema from the running server by introspection. */
async function introspect(url: string): Promise<SchemaFacts> {
  const data = await post(url, `{ __schema { types { kind name fields { name } possibleTypes { name } } } }`);
  const possibleTypes: PossibleTypesMap = {};
  const typesWithId = new Set<string>();
  for (const type of data.__schema.types) {
    if (type.possibleTypes) possibleTypes[type.name] = type.possibleTypes.map((t: { name: string }) => t.name);
    if (type.kind === "OBJECT" && type.fields.some((f: { name: string }) => f.name === "id")) typesWithId.add(type.name);
  }
  return { possibleTypes, typesWithId };
}

/** Paths in the cache where an object of a type that has an id is stored inline instead of as a reference. */
function inlineEntities(cache: InMemoryCache, typesWithId: Set<string>): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string, inline: boolean) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, true));
    else if (value && typeof value === "object" && !isReference(value)) {
      const typename = (value as { __typename?: string }).__typename;
      if (inline && typename && typesWithId.has(typename)) found.push(`${path} (${typename} without id)`);
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, true);
    }
  };
  for (const [key, entry] of Object.entries(cache.extract())) walk(entry, key, false);
  return found;
}

/** Records everything written to the console, including Apollo's invariant warnings and debug messages. */
function captureConsole() {
  const lines: string[] = [];
  const spies = (["debug", "log", "info", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(`console.${level}: ${format(...args)}`);
    }),
  );
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

const patientsOf = (overview: any): any[] => overview.study.cohorts.flatMap((c: any) => c.patients.nodes);

describe("Apollo Client with a default InMemoryCache, against the HTTP server", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-apollo-"));
  const timeline = docsQuery("patient-timeline.graphql");
  const overview = docsQuery("cohort-overview.graphql");
  const readme = readmeQueries();
  /** Each query run so far, with the data the server returned for it. */
  const answered = new Map<DocumentedQuery, unknown>();
  let server: RunningServer;
  let schema: SchemaFacts;
  let cache: InMemoryCache;
  let client: ApolloClient<NormalizedCacheObject>;
  let patientId: string;
  let consoleOutput: ReturnType<typeof captureConsole>;

  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "trial.sqlite") }), plugins, () => {});
    auth = await bearer(server);
    const { patients } = await post(server.url, `{ patients(first: 1, where: { cohort: { diseaseId: { eq: "rheumatoid-arthritis" } } }) { nodes { id } } }`);
    patientId = patients.nodes[0].id;
    schema = await introspect(server.url);
    loadDevMessages();
    loadErrorMessages();
    setLogVerbosity("debug");
    consoleOutput = captureConsole();
    cache = new InMemoryCache({ possibleTypes: schema.possibleTypes });
    client = new ApolloClient({ link: new HttpLink({ uri: server.url, headers: auth }), cache });
  });
  beforeEach(() => {
    consoleOutput.lines.length = 0;
  });
  afterAll(async () => {
    consoleOutput?.restore();
    setLogVerbosity("log");
    await client?.clearStore();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const variablesOf = (document: DocumentNode) => (needsPatientId(document) ? { id: patientId } : {});
  const fromNetwork = (document: DocumentNode) =>
    client.query<any>({ query: document, variables: variablesOf(document), fetchPolicy: "network-only", errorPolicy: "all" });
  const fromCache = (document: DocumentNode) =>
    client.query<any>({ query: document, variables: variablesOf(document), fetchPolicy: "cache-only", errorPolicy: "all" });

  /** Fetches the query; checks the cache holds every object with an id by reference, nothing was logged, and
   *  the cache alone answers this query and every query run before it, unchanged. */
  async function runThroughCache(query: DocumentedQuery) {
    const network = await fromNetwork(query.document);
    expect(network.errors).toBeUndefined();
    expect(network.data).toBeTruthy();
    answered.set(query, network.data);
    expect(inlineEntities(cache, schema.typesWithId), `objects stored without their id after ${query.name}`).toEqual([]);
    for (const [earlier, data] of answered) {
      const cached = await fromCache(earlier.document);
      expect(cached.errors, earlier.name).toBeUndefined();
      expect(cached.data, `${earlier.name} read from the cache after ${query.name}`).toEqual(data);
    }
    expect(consoleOutput.lines).toEqual([]);
    return network.data;
  }

  it("finds the README's example queries, and the Node types and types with ids in the schema", () => {
    expect(schema.possibleTypes.Node).toEqual(expect.arrayContaining(["Patient", "Visit", "Cohort", "Study"]));
    expect([...schema.typesWithId]).toEqual(expect.arrayContaining(["Patient", "Disease", "Instrument", "ResponseCriterion"]));
    expect(readme.flatMap((q) => rootFields(q.document))).toEqual(
      expect.arrayContaining(["study", "patients", "immuneMeasurementGroups", "assessmentGroups", "patient", "instruments", "computeScore", "evaluateResponse"]),
    );
  });

  it("the console capture sees Apollo's cache warnings, so the checks below can fail", async () => {
    // a value object (no id) under the same field and arguments, fetched with two different selections
    const probe = new ApolloClient({ link: new HttpLink({ uri: server.url, headers: auth }), cache: new InMemoryCache() });
    const evaluate = (fields: string) =>
      parse(`{ evaluateResponse(criterion: "EULAR_RESPONSE", instrument: "DAS28_ESR", baseline: { value: 5.4 }, followUp: { value: 3.1 }) { ${fields} } }`);
    await probe.query({ query: evaluate("status"), fetchPolicy: "network-only" });
    await probe.query({ query: evaluate("change"), fetchPolicy: "network-only" });
    expect(consoleOutput.lines).toEqual([expect.stringContaining("Cache data may be lost when replacing the evaluateResponse field of a Query object")]);
    consoleOutput.lines.length = 0;
    await probe.clearStore();
  });

  it("patient timeline: cached by id, the patient is Patient:<id> and readable as a fragment", async () => {
    const { patient } = await runThroughCache(timeline);
    expect(patient.id).toBe(patientId);
    const key = cache.identify(patient);
    expect(key).toBe(`Patient:${patientId}`);
    const fragment = cache.readFragment<{ subjectCode: string }>({ id: key, fragment: parse(`fragment Code on Patient { subjectCode }`) });
    expect(fragment).toEqual({ __typename: "Patient", subjectCode: patient.subjectCode });
    expect(consoleOutput.lines).toEqual([]);
  });

  it("cohort overview: shares the timeline's Patient entry, so a cache.modify shows in both views", async () => {
    const data = await runThroughCache(overview);
    const { patient } = answered.get(timeline) as any;
    expect(patientsOf(data).find((p) => p.id === patientId)).toMatchObject({ subjectCode: patient.subjectCode, status: patient.status });
    // one normalised entry: the subject code is stored once, both views hold a reference to it
    const stored = JSON.stringify(cache.extract());
    expect(stored.split(`"subjectCode":${JSON.stringify(patient.subjectCode)}`).length - 1).toBe(1);

    const setStatus = (status: string) => cache.modify({ id: cache.identify(patient), fields: { status: () => status } });
    const cachedStatuses = async () => ({
      timeline: (await fromCache(timeline.document)).data.patient.status,
      overview: patientsOf((await fromCache(overview.document)).data).find((p) => p.id === patientId).status,
    });
    const newStatus = patient.status === "WITHDRAWN" ? "COMPLETED" : "WITHDRAWN";
    expect(setStatus(newStatus)).toBe(true);
    expect(await cachedStatuses()).toEqual({ timeline: newStatus, overview: newStatus });
    expect(setStatus(patient.status)).toBe(true); // restored for the checks that follow
    expect(await cachedStatuses()).toEqual({ timeline: patient.status, overview: patient.status });
    expect(consoleOutput.lines).toEqual([]);
  });

  it.each(readme.map((q) => [q.name, q] as const))("%s, run after the two views: answered by the cache alone, overwriting neither", async (_name, query) => {
    await client.clearStore();
    answered.clear();
    await runThroughCache(timeline);
    await runThroughCache(overview);
    await runThroughCache(query);
  });

  it("all documented queries in one cache: each still answered from the cache after all have run", async () => {
    await client.clearStore();
    answered.clear();
    for (const query of [timeline, overview, ...readme]) await runThroughCache(query);
    expect(answered.size).toBe(2 + readme.length);
  });
});
