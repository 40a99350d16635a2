import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { setPassword } from "../../src/modules/access/accounts";
import { User } from "../../src/modules/access/user.entity";
import { issueToken } from "../../src/modules/access/tokens";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { bearer } from "../support/bearer";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";

describe("authentication, roles and site scoping over HTTP", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-access-"));
  let server: RunningServer;
  const as = new Map<string, Record<string, string>>();

  const post = async (query: string, variables?: object, user?: string) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(user ? as.get(user) : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };

  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite"), BASKETQL_JWT_SECRET: "x".repeat(40) }), plugins, () => {});
    for (const user of ["demo-data-manager", "demo-investigator-01", "demo-monitor-02", "demo-analyst", "demo-admin"]) as.set(user, await bearer(server, user));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const everything = (user: string) =>
    post(`{ patients(first: 100) { totalCount nodes { id subjectCode site { code } } } visits(first: 100) { totalCount }
      study { patientCount cohorts { patientCount patients(first: 100) { nodes { site { code } } } } sites { code } }
      patientGroups(by: [SITE]) { key { site } count }
      immuneMeasurementGroups(by: [SITE]) { key { site } count } }`, undefined, user);

  it("refuses every query without a token, with UNAUTHENTICATED and status 401", async () => {
    const { status, errors } = await post("{ study { code } }");
    expect(status).toBe(401);
    expect(errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a forged, expired or malformed token", async () => {
    const user = await server.app.dataSource.manager.findOneByOrFail(User, { username: "demo-data-manager" });
    const forged = await issueToken(new TextEncoder().encode("another-secret-that-is-long-enough!!"), user.id, 1);
    for (const authorization of [`Bearer ${forged}`, "Bearer not-a-token", "Basic abc"]) {
      const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify({ query: "{ study { code } }" }) });
      expect(response.status, authorization).toBe(401);
    }
  });

  it("signs in with a password and answers the same for an unknown user and a wrong password", async () => {
    await server.app.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-monitor-02", "correct horse battery"));
    // a password change revokes the account's earlier tokens: the other tests' token is issued again
    as.set("demo-monitor-02", await bearer(server, "demo-monitor-02"));
    const signIn = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token user { username } } }`;
    const ok = await post(signIn, { u: "demo-monitor-02", p: "correct horse battery" });
    expect(ok.data.signIn.user.username).toBe("demo-monitor-02");
    const me = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ok.data.signIn.token}` }, body: JSON.stringify({ query: "{ me { user { username } roles { role } } }" }) });
    expect(((await me.json()) as any).data.me).toEqual({ user: { username: "demo-monitor-02" }, roles: [{ role: "MONITOR" }] });
    const wrong = await post(signIn, { u: "demo-monitor-02", p: "wrong password!!" });
    const unknown = await post(signIn, { u: "nobody", p: "correct horse battery" });
    expect(wrong.errors?.[0].message).toBe("Unknown username or wrong password");
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it("shows an investigator of site 01 only site 01, in lists, counts, aggregates and groups", async () => {
    const all = await everything("demo-data-manager");
    const mine = await everything("demo-investigator-01");
    const site01 = all.data.patients.nodes.filter((p: any) => p.site.code === "01");
    expect(site01.length).toBeGreaterThan(0);
    expect(site01.length).toBeLessThan(all.data.patients.totalCount);
    expect(mine.data.patients.nodes.map((p: any) => p.id)).toEqual(site01.map((p: any) => p.id));
    expect(mine.data.patients.totalCount).toBe(site01.length);
    expect(mine.data.study.patientCount).toBe(site01.length);
    expect(mine.data.study.sites).toEqual([{ code: "01" }]);
    expect(mine.data.study.cohorts.flatMap((c: any) => c.patients.nodes.map((p: any) => p.site.code))).toEqual(site01.map(() => "01"));
    expect(mine.data.patientGroups).toEqual([{ key: { site: "01" }, count: site01.length }]);
    expect(mine.data.immuneMeasurementGroups.map((g: any) => g.key.site)).toEqual(["01"]);
    expect(mine.data.visits.totalCount).toBeLessThan(all.data.visits.totalCount);
  });

  it("answers null for another site's patient fetched by id, and refuses filtering onto it", async () => {
    const all = await everything("demo-data-manager");
    const other = all.data.patients.nodes.find((p: any) => p.site.code !== "01");
    const byId = await post(`query($id: ID!) { node(id: $id) { id } patient(id: $id) { id } }`, { id: other.id }, "demo-investigator-01");
    expect(byId.data).toEqual({ node: null, patient: null });
    const filtered = await post(`query($id: ID!) { patients(where: { id: { eq: $id } }) { totalCount } }`, { id: other.id }, "demo-investigator-01");
    expect(filtered.data.patients.totalCount).toBe(0);
  });

  it("lets an investigator enter data at their site only; a monitor reads but cannot enter", async () => {
    const all = await everything("demo-data-manager");
    const own = all.data.patients.nodes.find((p: any) => p.site.code === "01");
    const atSite02 = all.data.patients.nodes.find((p: any) => p.site.code === "02");
    const record = `mutation($input: RecordConcomitantMedicationInput!) { recordConcomitantMedication(input: $input) { id } }`;
    expect((await post(record, { input: { patientId: own.id, drug: "folic acid" } }, "demo-investigator-01")).data.recordConcomitantMedication.id).toBeTruthy();
    const foreign = await post(record, { input: { patientId: atSite02.id, drug: "folic acid" } }, "demo-investigator-01");
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "patientId" });
    const monitor = await post(record, { input: { patientId: atSite02.id, drug: "folic acid" } }, "demo-monitor-02");
    expect(monitor.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await post(record, { input: { patientId: own.id, drug: "x" } }, "demo-data-manager")).errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("shows analysts de-identified data of every site, and administrators no clinical data", async () => {
    const query = `{ patients(first: 100) { totalCount nodes { subjectCode yearOfBirth adverseEvents { nodes { term meddraCode grade } } } } }`;
    const analyst = await post(query, undefined, "demo-analyst");
    const manager = await post(query, undefined, "demo-data-manager");
    expect(analyst.data.patients.totalCount).toBe(manager.data.patients.totalCount);
    // the limited data set keeps year of birth (README, Access): inclusion date and age give it anyway
    expect(analyst.data.patients.nodes.map((p: any) => p.yearOfBirth)).toEqual(manager.data.patients.nodes.map((p: any) => p.yearOfBirth));
    const events = analyst.data.patients.nodes.flatMap((p: any) => p.adverseEvents.nodes);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: any) => e.term === null && e.meddraCode && e.grade)).toBe(true);
    expect(manager.data.patients.nodes.some((p: any) => p.yearOfBirth !== null)).toBe(true);
    expect((await post(query, undefined, "demo-admin")).data.patients.totalCount).toBe(0);
  });

  it("does not let analysts recover identifying values through filters, statistics or groupings", async () => {
    const refused = [
      [`{ patients(where: { adverseEvents: { some: { term: { contains: "a" } } } }) { totalCount } }`, "where.adverseEvents.some.term"],
      [`{ patients(first: 1) { nodes { concomitantMedications(where: { indication: { eq: "RA" } }) { totalCount } } } }`, "where.indication"],
      [`{ patients(first: 1) { nodes { concomitantMedications(where: { and: [{ drug: { contains: "a" } }] }) { totalCount } } } }`, "where.and[0].drug"],
      [`{ adverseEventGroups(by: [TERM]) { count } }`, "by"],
      [`{ patients(first: 1) { nodes { concomitantMedications(orderBy: [{ field: DRUG, direction: ASC }]) { totalCount } } } }`, "orderBy"],
    ];
    for (const [query, where] of refused) {
      const analyst = await post(query, undefined, "demo-analyst");
      expect(analyst.errors?.[0].extensions.code, query).toBe("FORBIDDEN");
      expect(analyst.errors?.[0].message, query).toContain(`${where}: analysts see de-identified data`);
      // Others may: the refusal is the analyst's, not the query's.
      expect((await post(query, undefined, "demo-data-manager")).errors, query).toBeUndefined();
    }
    // What analysts are for still works: grouping by grade, statistics of ages.
    const allowed = await post(`{ adverseEventGroups(by: [GRADE]) { count } patients { aggregates { ageAtInclusion { mean } } } }`, undefined, "demo-analyst");
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.patients.aggregates.ageAtInclusion.mean).toBeGreaterThan(0);
  });

  it("hides the free-text reason of a removed record from analysts", async () => {
    const { patients } = (await post(`{ patients(first: 1) { nodes { concomitantMedications(first: 1) { nodes { id version } } } } }`, undefined, "demo-data-manager")).data;
    const medication = patients.nodes[0].concomitantMedications.nodes[0];
    const removed = await post(
      `mutation($id: ID!, $v: Int!) { removeRecord(id: $id, expectedVersion: $v, reason: "entered for the wrong patient, J. Smith") { version } }`,
      { id: medication.id, v: medication.version },
      "demo-investigator-01",
    );
    expect(removed.errors).toBeUndefined();
    const read = `query($id: ID!) { node(id: $id) { ... on ConcomitantMedication { removedAt removalReason } } }`;
    expect((await post(read, { id: medication.id }, "demo-data-manager")).data.node.removalReason).toBe("entered for the wrong patient, J. Smith");
    const analyst = (await post(read, { id: medication.id }, "demo-analyst")).data.node;
    expect(analyst).toEqual({ removedAt: expect.any(String), removalReason: null });
  });
});
