import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, setLogVerbosity } from "@apollo/client/core";
import type { NormalizedCacheObject, PossibleTypesMap } from "@apollo/client/core";
import { loadDevMessages, loadErrorMessages } from "@apollo/client/dev";
import { Kind, parse } from "graphql";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";

// A real client with its normalised cache, configured with defaults only: the schema must give every
// object that appears in two places an `id` so the cache can merge it, without any typePolicies.

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

/** The two documented views, then every README ```graphql block that is a query without placeholder ids. */
function documentedQueries(): DocumentedQuery[] {
  const view = (file: string): DocumentedQuery => ({
    name: `docs/queries/${file}`,
    document: parse(readFileSync(join(root, "docs", "queries", file), "utf8")),
  });
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const readmeQueries = blocks
    .filter((text) => !text.includes("…"))
    .map((text) => parse(text))
    .filter((document) => operationsOf(document).every((op) => op.operation === "query"))
    .map((document): DocumentedQuery => ({ name: `README: { ${rootFields(document).join(" ")} }`, document }));
  return [view("patient-timeline.graphql"), view("cohort-overview.graphql"), ...readmeQueries];
}

const post = async (url: string, query: string) => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
};

/** possibleTypes for every interface and union, read from the running server by introspection. */
async function introspectPossibleTypes(url: string): Promise<PossibleTypesMap> {
  const data = await post(url, `{ __schema { types { name possibleTypes { name } } } }`);
  const map: PossibleTypesMap = {};
  for (const type of data.__schema.types) {
    if (type.possibleTypes) map[type.name] = type.possibleTypes.map((t: { name: string }) => t.name);
  }
  return map;
}

/** Records everything written to the console, including Apollo's invariant warnings and debug messages. */
function captureConsole() {
  const lines: string[] = [];
  const spies = (["debug", "log", "info", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(`console.${level}: ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);
    }),
  );
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe("Apollo Client with a default InMemoryCache against the HTTP server", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-apollo-"));
  const queries = documentedQueries();
  const timeline = queries[0];
  const overview = queries[1];
  const networkData = new Map<string, unknown>();
  let server: RunningServer;
  let client: ApolloClient<NormalizedCacheObject>;
  let cache: InMemoryCache;
  let patientId: string;
  let possibleTypes: PossibleTypesMap;
  let consoleOutput: ReturnType<typeof captureConsole>;

  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "trial.sqlite") }), plugins, () => {});
    const { patients } = await post(server.url, `{ patients(first: 1, where: { cohort: { diseaseId: { eq: "rheumatoid-arthritis" } } }) { nodes { id } } }`);
    patientId = patients.nodes[0].id;
    loadDevMessages();
    loadErrorMessages();
    setLogVerbosity("debug");
    consoleOutput = captureConsole();
    possibleTypes = await introspectPossibleTypes(server.url);
    cache = new InMemoryCache({ possibleTypes });
    client = new ApolloClient({ link: new HttpLink({ uri: server.url }), cache });
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
  const expectNothingLogged = () => expect(consoleOutput.lines).toEqual([]);

  it("covers the documented views and every README example query", () => {
    expect(queries.slice(0, 2).map((q) => rootFields(q.document))).toEqual([["patient"], ["study", "patientGroups"]]);
    expect(queries.flatMap((q) => rootFields(q.document))).toEqual(
      expect.arrayContaining(["study", "patients", "immuneMeasurementGroups", "assessmentGroups", "patient", "instruments", "computeScore", "evaluateResponse"]),
    );
    expect(possibleTypes.Node).toEqual(expect.arrayContaining(["Patient", "Visit", "Cohort", "Study"]));
  });

  it.each(queries.map((q) => [q.name, q] as const))("%s: answered by the server, then by the normalised cache alone, with no warnings", async (_name, { name, document }) => {
    const network = await fromNetwork(document);
    expect(network.errors).toBeUndefined();
    expect(network.data).toBeTruthy();
    networkData.set(name, network.data);

    const cached = await fromCache(document);
    expect(cached.errors).toBeUndefined();
    expect(cached.data).toEqual(network.data);
    expectNothingLogged();
  });

  it("still answers every query from the cache after all have run: no query's data was overwritten by another", async () => {
    expect(networkData.size).toBe(queries.length);
    for (const { name, document } of queries) {
      const cached = await fromCache(document);
      expect(cached.data, name).toEqual(networkData.get(name));
    }
    expectNothingLogged();
  });

  it("normalises the timeline's patient under Patient:<id> and reads it back as a fragment", async () => {
    const patient = (networkData.get(timeline.name) as any).patient;
    expect(patient.id).toBe(patientId);
    const key = cache.identify(patient);
    expect(key).toBe(`Patient:${patientId}`);
    const fragment = cache.readFragment<{ subjectCode: string }>({
      id: key,
      fragment: parse(`fragment PatientCode on Patient { subjectCode }`),
    });
    expect(fragment?.subjectCode).toBe(patient.subjectCode);
    expect(cache.extract()[key!]).toMatchObject({ __typename: "Patient", id: patientId, subjectCode: patient.subjectCode });
    expectNothingLogged();
  });

  it("shares one Patient entry between the timeline and the cohort overview: a cache.modify shows in both", async () => {
    const timelinePatient = (networkData.get(timeline.name) as any).patient;
    const overviewPatient = (networkData.get(overview.name) as any).study.cohorts
      .flatMap((c: any) => c.patients.nodes)
      .find((p: any) => p.id === patientId);
    expect(overviewPatient).toMatchObject({ subjectCode: timelinePatient.subjectCode, status: timelinePatient.status });

    // one entry: the subject code is stored once, everything else holds a reference
    const stored = JSON.stringify(cache.extract());
    expect(stored.split(`"subjectCode":${JSON.stringify(timelinePatient.subjectCode)}`).length - 1).toBe(1);

    const newStatus = timelinePatient.status === "WITHDRAWN" ? "COMPLETED" : "WITHDRAWN";
    const modified = cache.modify({ id: cache.identify(timelinePatient), fields: { status: () => newStatus } });
    expect(modified).toBe(true);

    const statusInTimeline = (await fromCache(timeline.document)).data.patient.status;
    const statusInOverview = (await fromCache(overview.document)).data.study.cohorts
      .flatMap((c: any) => c.patients.nodes)
      .find((p: any) => p.id === patientId).status;
    expect({ statusInTimeline, statusInOverview }).toEqual({ statusInTimeline: newStatus, statusInOverview: newStatus });
    expectNothingLogged();
  });
});
