import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CONTAINS } from "../../src/graphql/views/sql-condition";
import { DATE_RANGE } from "../../src/validation/checks";
import type { HttpAnswer, HttpTrial } from "../support/http-trial";
import { startHttpTrial } from "../support/http-trial";
import { testDatabases } from "../support/test-database";

/**
 * Input that used to reach the database and fail there (an internal error) or be stored as nonsense:
 * impossible dates, hand-edited cursors, overlong search text. Each must be BAD_USER_INPUT naming the
 * field, over HTTP, with nothing written.
 */
const CLIENT = "demo-investigator-01";

function expectRefused(answer: HttpAnswer, field: string | RegExp, message?: RegExp) {
  const error = answer.body.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(answer.body)).toBe("BAD_USER_INPUT");
  if (typeof field === "string") expect(error?.extensions?.field).toBe(field);
  else expect(error?.extensions?.field).toMatch(field);
  if (message) expect(error?.message).toMatch(message);
  expect(answer.body.data ?? null).toBeNull();
}

/** A cursor as the service makes them, with its values replaced. */
const tamper = (cursor: string, edit: (values: unknown[]) => string) => {
  const [key, ...values] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
  return Buffer.from(`[${JSON.stringify(key)},${edit(values)}]`).toString("base64url");
};

describe.each(testDatabases)("bad input over HTTP on %s", (kind) => {
  let trial: HttpTrial;
  let patientId: string;
  const visitCount = async () => (await trial.post("demo-data-manager", `{ visits(first: 1) { totalCount } }`)).body.data.visits.totalCount as number;

  beforeAll(async () => {
    trial = await startHttpTrial(kind);
    const { body } = await trial.post(CLIENT, `{ patients(first: 1) { nodes { id } } }`);
    patientId = body.data.patients.nodes[0].id;
  }, 120_000);
  afterAll(() => trial?.stop());

  it("refuses visit dates outside the documented range, naming the field and the range, and writes nothing", async () => {
    const before = await visitCount();
    const range = new RegExp(`visitDate must be a date YYYY-MM-DD from ${DATE_RANGE.earliest} to ${DATE_RANGE.latest}`);
    for (const visitDate of ["0000-01-01", "9999-12-31", "1899-12-31", "2100-01-01"]) {
      const answer = await trial.post(CLIENT, `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, { input: { patientId, visitDate } });
      expectRefused(answer, "visitDate", range);
      expect(answer.body.errors![0].extensions!.allowed).toContain(DATE_RANGE.earliest);
    }
    expect(await visitCount()).toBe(before);
    // the range's own ends are dates like any other
    const edge = await trial.post(CLIENT, `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { visitDate } }`, { input: { patientId, visitDate: DATE_RANGE.latest } });
    expect(edge.body).toEqual({ data: { recordVisit: { visitDate: DATE_RANGE.latest } } });
  });

  it("refuses the same dates on other records (an adverse event's onset)", async () => {
    const input = { patientId, term: "Headache", grade: 1, onsetDate: "0000-01-01", outcome: "RECOVERED", relatedness: "UNLIKELY" };
    expectRefused(await trial.post(CLIENT, `mutation($input: RecordAdverseEventInput!) { recordAdverseEvent(input: $input) { id } }`, { input }), "onsetDate");
  });

  it("refuses a date filter on year 0000 instead of failing in the database", async () => {
    const answer = await trial.post(CLIENT, `query($w: VisitWhere) { visits(where: $w) { totalCount } }`, { w: { visitDate: { gte: "0000-01-01" } } });
    expectRefused(answer, "where.visitDate.gte");
    // a wide but real range is a filter like any other
    const wide = await trial.post(CLIENT, `query($w: VisitWhere) { visits(where: $w) { totalCount } }`, { w: { visitDate: { gte: "0001-01-01", lte: "9999-12-31" } } });
    expect(wide.body.data.visits.totalCount).toBeGreaterThan(0);
  });

  it("refuses tampered cursors of top-level lists, whatever the edited values", async () => {
    const query = `query($after: String) { patients(first: 2, after: $after, orderBy: [{ field: AGE_AT_INCLUSION, direction: ASC }, { field: INCLUSION_DATE, direction: DESC }]) { nodes { id } pageInfo { endCursor } } }`;
    const first = await trial.post(CLIENT, query);
    const cursor = first.body.data.patients.pageInfo.endCursor as string;
    // the cursor as made works, and names the list's order fields and values, no SQL
    expect((await trial.post(CLIENT, query, { after: cursor })).body.data.patients.nodes.length).toBeGreaterThan(0);
    const [orderKey] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string];
    expect(orderKey).toBe("patient.AGE_AT_INCLUSION ASC,patient.INCLUSION_DATE DESC,patient.id ASC");
    const tampered = [
      tamper(cursor, ([, date, id]) => JSON.stringify(["forty", date, id]).slice(1, -1)), // text for an integer
      tamper(cursor, ([age, , id]) => JSON.stringify([age, "2024-13-45", id]).slice(1, -1)), // not a date
      tamper(cursor, ([age, , id]) => JSON.stringify([age, "0000-01-01", id]).slice(1, -1)),
      tamper(cursor, ([age, date]) => JSON.stringify([age, date, "1 OR 1=1; DROP TABLE patient --"]).slice(1, -1)), // SQL text for the id
      tamper(cursor, ([age, date]) => `${JSON.stringify(age)},${JSON.stringify(date)},1e400`), // Infinity
      tamper(cursor, ([age, date]) => `${JSON.stringify(age)},${JSON.stringify(date)},99999999999999999999`), // beyond integer
      tamper(cursor, ([, date, id]) => `2147483648,${JSON.stringify(date)},${id}`),
      tamper(cursor, ([, date, id]) => `{"age":40},${JSON.stringify(date)},${id}`), // an object
      tamper(cursor, ([, date, id]) => `[40],${JSON.stringify(date)},${id}`), // an array
      tamper(cursor, ([age, date, id]) => JSON.stringify([age, date, id, 1]).slice(1, -1)), // one value too many
      Buffer.from("not json at all").toString("base64url"),
      "x".repeat(100_000 / 2),
    ];
    for (const after of tampered) expectRefused(await trial.post(CLIENT, query, { after }), "after", /is not a cursor of this list/);
  });

  it("refuses tampered cursors of nested lists", async () => {
    const query = `query($after: String) { patients(first: 1) { nodes { visits(first: 1, after: $after, orderBy: [{ field: STUDY_DAY, direction: ASC }]) { nodes { id } pageInfo { endCursor } } } } }`;
    const first = await trial.post(CLIENT, query);
    const cursor = first.body.data.patients.nodes[0].visits.pageInfo.endCursor as string;
    expect((await trial.post(CLIENT, query, { after: cursor })).body.errors).toBeUndefined();
    for (const after of [
      tamper(cursor, ([, id]) => `"0 OR 1=1",${id}`),
      tamper(cursor, ([day]) => `${JSON.stringify(day)},1e400`),
      tamper(cursor, ([day]) => `${JSON.stringify(day)},{"id":1}`),
      tamper(cursor, ([, id]) => `12345678901234567890,${id}`),
    ]) {
      const answer = await trial.post(CLIENT, query, { after });
      const error = answer.body.errors?.[0];
      expect(error?.extensions?.code, JSON.stringify(answer.body)).toBe("BAD_USER_INPUT");
      expect(error?.extensions?.field).toBe("after");
    }
  });

  it(`caps contains at ${MAX_CONTAINS} characters, below SQLite's LIKE pattern limit of 50,000 bytes`, async () => {
    const query = `query($w: AdverseEventWhere) { adverseEvents(where: $w) { totalCount } }`;
    for (const contains of ["a".repeat(MAX_CONTAINS + 1), "%".repeat(60_000), "é".repeat(30_000)]) {
      expectRefused(await trial.post(CLIENT, query, { w: { term: { contains } } }), "where.term.contains", new RegExp(`at most ${MAX_CONTAINS} characters`));
    }
    const longest = await trial.post(CLIENT, query, { w: { term: { contains: "a".repeat(MAX_CONTAINS) } } });
    expect(longest.body).toEqual({ data: { adverseEvents: { totalCount: 0 } } });
  });
});
