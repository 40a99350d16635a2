import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

/*
 * Keyset paging through lists sorted by fields that can be missing: NULL sorts after every value in
 * ascending order and before every value in descending order, cursors carry the row's own value (null
 * included), and values as large as a column holds sort as values, not as missing ones.
 */

type Direction = "ASC" | "DESC";
type Order = { field: string; direction: Direction };

interface PatientRow {
  id: string;
  subjectCode: string;
  ageAtInclusion: number | null;
  diseaseDurationYears: number | null;
  cohort: { id: string };
}

const VALUE: Record<string, (p: PatientRow) => number | null> = {
  AGE_AT_INCLUSION: (p) => p.ageAtInclusion,
  DISEASE_DURATION: (p) => p.diseaseDurationYears,
};

/** The largest value PostgreSQL's `integer` holds: what could once be mistaken for a missing age. */
const LARGEST_AGE = 2_147_483_647;
const HUGE_DURATION = 1e9;

const keyOf = (id: string) => Number(Buffer.from(id, "base64url").toString("utf8").split(":")[1]);

/** The documented order: NULL after every value ascending (so before every value descending), then id ascending. */
function sortPatients(rows: PatientRow[], orderBy: Order[]): string[] {
  const compare = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);
  return [...rows]
    .sort((a, b) => {
      for (const { field, direction } of orderBy) {
        const c = compare(VALUE[field](a), VALUE[field](b));
        if (c !== 0) return direction === "ASC" ? c : -c;
      }
      return keyOf(a.id) - keyOf(b.id);
    })
    .map((p) => p.subjectCode);
}

const PAGE = `query($orderBy: [PatientOrder!], $first: Int, $after: String, $last: Int, $before: String) {
  patients(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    nodes { subjectCode } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const ORDERINGS: Order[][] = [
  [{ field: "AGE_AT_INCLUSION", direction: "ASC" }],
  [{ field: "AGE_AT_INCLUSION", direction: "DESC" }],
  [{ field: "DISEASE_DURATION", direction: "ASC" }, { field: "AGE_AT_INCLUSION", direction: "DESC" }],
  [{ field: "DISEASE_DURATION", direction: "DESC" }, { field: "AGE_AT_INCLUSION", direction: "ASC" }],
];
type PageArgs = { orderBy: Order[]; first?: number; after?: string | null; last?: number; before?: string | null };
type Page = { nodes: Array<{ subjectCode: string }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };

const label = (orderBy: Order[]) => orderBy.map((o) => `${o.field} ${o.direction}`).join(", ");

describe.each(testDatabases)("paging through missing values on %s", (kind) => {
  let t: TestApp;
  let patients: PatientRow[];

  /** The patients list as one page at a time. */
  const patientsPage = async (args: PageArgs): Promise<Page> => (await t.data(PAGE, args)).patients;

  /** Every patient of a list ordered by `orderBy`, `size` a page, forwards (first/after) or backwards (last/before). */
  async function walk(list: (args: PageArgs) => Promise<Page>, orderBy: Order[], size: number, backward: boolean): Promise<string[]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    for (let i = 0; i <= patients.length; i++) {
      const page: Page = await list(backward ? { orderBy, last: size, before: cursor } : { orderBy, first: size, after: cursor });
      pages.push(page.nodes.map((n) => n.subjectCode));
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
      if (!(backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage)) break;
    }
    return (backward ? pages.reverse() : pages).flat();
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    const { study } = await t.data(`{ study { sites { id code } cohorts { id code } } }`);
    const cohortId = study.cohorts.find((c: { code: string }) => c.code === "RA").id;
    const siteId = study.sites[0].id;
    const create = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
    // Several patients without age or disease duration, so pages start and end among NULLs.
    for (const n of [1, 2, 3, 4, 5]) await t.data(create, { input: { cohortId, siteId, subjectCode: `RA-NULL-${n}`, sex: "FEMALE", status: "SCREENED" } });
    // Values beyond today's input ranges that a column can hold: they must sort as values.
    for (const n of [1, 2]) await t.data(create, { input: { cohortId, siteId, subjectCode: `RA-HUGE-${n}`, sex: "MALE", status: "SCREENED" } });
    await t.dataSource.query(`UPDATE "patient" SET "ageAtInclusion" = ${LARGEST_AGE}, "diseaseDurationYears" = ${HUGE_DURATION} WHERE "subjectCode" LIKE 'RA-HUGE-%'`);
    const all = (await t.data(`{ patients(first: 100) { totalCount nodes { id subjectCode ageAtInclusion diseaseDurationYears cohort { id } } } }`)).patients;
    expect(all.nodes).toHaveLength(all.totalCount);
    patients = all.nodes;
  });
  afterAll(() => t.close());

  it("the data holds missing values, ties among them, and the largest values a column holds", () => {
    for (const field of Object.keys(VALUE)) {
      expect(patients.filter((p) => VALUE[field](p) === null).length, field).toBeGreaterThan(4);
    }
    expect(patients.filter((p) => p.ageAtInclusion === LARGEST_AGE)).toHaveLength(2);
    expect(patients.filter((p) => p.diseaseDurationYears === HUGE_DURATION)).toHaveLength(2);
  });

  it.each(ORDERINGS.flatMap((orderBy) => [2, 7].map((size) => [label(orderBy), size, orderBy] as const)))(
    "first/after and last/before visit every patient once, ordered by %s, %i a page",
    async (_, size, orderBy) => {
      const expected = sortPatients(patients, orderBy);
      expect(await walk(patientsPage, orderBy, size, false)).toEqual(expected);
      expect(await walk(patientsPage, orderBy, size, true)).toEqual(expected);
    },
  );

  it("the largest age sorts just before the missing ones ascending and just after them descending", async () => {
    const missing = patients.filter((p) => p.ageAtInclusion === null).length;
    const ascending = await walk(patientsPage, [{ field: "AGE_AT_INCLUSION", direction: "ASC" }], 100, false);
    expect(ascending.slice(-missing - 2, -missing)).toEqual(["RA-HUGE-1", "RA-HUGE-2"]);
    expect(ascending.slice(-missing).every((code) => patients.find((p) => p.subjectCode === code)!.ageAtInclusion === null)).toBe(true);
    const descending = await walk(patientsPage, [{ field: "AGE_AT_INCLUSION", direction: "DESC" }], 100, false);
    expect(descending.slice(missing, missing + 2)).toEqual(["RA-HUGE-1", "RA-HUGE-2"]);
  });

  it("a cohort's nested patients page through missing values in both directions", async () => {
    const cohortId = patients.find((p) => p.subjectCode === "RA-NULL-1")!.cohort.id;
    const orderBy: Order[] = [{ field: "AGE_AT_INCLUSION", direction: "ASC" }];
    const expected = sortPatients(patients.filter((p) => p.cohort.id === cohortId), orderBy);
    const query = `query($id: ID!, $orderBy: [PatientOrder!], $first: Int, $after: String, $last: Int, $before: String) { node(id: $id) { ... on Cohort {
      patients(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) { nodes { subjectCode } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    const cohortPatients = async (args: PageArgs): Promise<Page> => (await t.data(query, { id: cohortId, ...args })).node.patients;
    expect(await walk(cohortPatients, orderBy, 3, false)).toEqual(expected);
    expect(await walk(cohortPatients, orderBy, 3, true)).toEqual(expected);
  });

  it("a cursor with a missing value where the column always has one is refused naming after", async () => {
    const { patients: page } = await t.data(PAGE, { first: 1 });
    const [orderKey, , id] = JSON.parse(Buffer.from(page.pageInfo.endCursor, "base64url").toString("utf8"));
    const edited = Buffer.from(JSON.stringify([orderKey, null, id])).toString("base64url");
    const result = await t.execute(PAGE, { first: 1, after: edited });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toContain("after");
  });

  it("refuses an order that names a field twice, naming orderBy", async () => {
    const orderBy = [{ field: "AGE_AT_INCLUSION", direction: "DESC" }, { field: "DISEASE_DURATION", direction: "ASC" }, { field: "AGE_AT_INCLUSION", direction: "ASC" }];
    const result = await t.execute(PAGE, { orderBy, first: 3 });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderBy" });
    expect(result.errors?.[0].message).toContain("AGE_AT_INCLUSION more than once");
  });

  it("an order by the record's own id (RECORDED) runs in the direction asked, paged and nested", async () => {
    const query = `query($orderBy: [ImmuneMeasurementOrder!], $first: Int, $after: String) {
      immuneMeasurements(orderBy: $orderBy, first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const ids: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { immuneMeasurements: list }: any = await t.data(query, { orderBy: [{ field: "RECORDED", direction: "DESC" }], first: 4, after });
      ids.push(...list.nodes.map((n: { id: string }) => keyOf(n.id)));
      after = list.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(12);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const nested = `{ patients(first: 2) { nodes { immuneMeasurements(first: 5, orderBy: [{ field: RECORDED, direction: DESC }]) { nodes { id } } } } }`;
    for (const patient of (await t.data(nested)).patients.nodes) {
      const keys = patient.immuneMeasurements.nodes.map((n: { id: string }) => keyOf(n.id));
      expect(keys.length).toBeGreaterThan(1);
      expect(keys).toEqual([...keys].sort((a, b) => b - a));
    }
  });
});
