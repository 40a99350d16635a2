import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

/*
 * The list machinery (filters, relation filters, ordering, keyset paging, totalCount, aggregates,
 * nested connections) checked through the API against the demo trial itself: each expected answer is
 * computed in plain JS from the full lists, fetched once per database, so nothing depends on the
 * numbers a particular seed happens to produce.
 */

type Direction = "ASC" | "DESC";
type Where = Record<string, unknown>;
type Order = { field: string; direction: Direction };
type Value = string | number | null;

interface PatientRow {
  id: string;
  subjectCode: string;
  sex: string;
  status: string;
  ageAtInclusion: number | null;
  yearOfBirth: number | null;
  inclusionDate: string | null;
  treatmentStartDate: string | null;
  diseaseDurationYears: number | null;
  cohort: { id: string; code: string; diseaseId: string };
  site: { id: string; code: string };
}

interface VisitRow {
  id: string;
  visitDate: string;
  studyDay: number | null;
  outOfWindow: boolean;
  plannedVisit: { code: string; isBaseline: boolean } | null;
}

/** Everything recorded for one patient that the relation filters look at. */
interface Related {
  assessments: Array<{ instrumentCode: string; score: number | null; category: { code: string } | null; visit: { plannedVisit: { code: string } | null } }>;
  adverseEvents: Array<{ grade: number }>;
  tregs: Array<{ value: number | null; visit: { plannedVisit: { code: string } | null } }>;
  visits: VisitRow[];
}

const PATIENT_FIELDS = `id subjectCode sex status ageAtInclusion yearOfBirth inclusionDate treatmentStartDate diseaseDurationYears cohort { id code diseaseId } site { id code }`;

const PATIENTS = `query($where: PatientWhere, $orderBy: [PatientOrder!], $first: Int, $after: String, $last: Int, $before: String, $offset: Int) {
  patients(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before, offset: $offset) {
    totalCount
    nodes { id subjectCode }
    edges { cursor node { subjectCode } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const DEFAULT_ORDER: Order[] = [{ field: "SUBJECT_CODE", direction: "ASC" }];

const ORDER_VALUE: Record<string, (p: PatientRow) => Value> = {
  SUBJECT_CODE: (p) => p.subjectCode,
  INCLUSION_DATE: (p) => p.inclusionDate,
  AGE_AT_INCLUSION: (p) => p.ageAtInclusion,
  STATUS: (p) => p.status,
  SEX: (p) => p.sex,
  DISEASE_DURATION: (p) => p.diseaseDurationYears,
};

/** Database key of a global id ("Patient:7" in base64url → 7): the documented tie-breaker. */
const keyOf = (id: string) => Number(Buffer.from(id, "base64url").toString("utf8").split(":")[1]);

/** Ascending comparison with missing values after every value. */
function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The documented order: each key in its direction (missing values last ascending, so first descending), then id ascending. */
function sortPatients(rows: PatientRow[], orderBy: Order[] = DEFAULT_ORDER): PatientRow[] {
  return [...rows].sort((a, b) => {
    for (const { field, direction } of orderBy) {
      const c = compareValues(ORDER_VALUE[field](a), ORDER_VALUE[field](b));
      if (c !== 0) return direction === "ASC" ? c : -c;
    }
    return keyOf(a.id) - keyOf(b.id);
  });
}

const codes = (rows: Array<{ subjectCode: string }>) => rows.map((p) => p.subjectCode);
const median = <T>(values: T[]): T => [...values].sort((a, b) => compareValues(a as Value, b as Value))[Math.floor(values.length / 2)];
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** The nodes of a connection, after checking it holds the whole list (so the JS side sees everything). */
function whole<T>(connection: { totalCount: number; nodes: T[] }): T[] {
  expect(connection.nodes).toHaveLength(connection.totalCount);
  return connection.nodes;
}

describe.each(testDatabases)("list views on %s", (kind) => {
  let t: TestApp;
  let patients: PatientRow[];
  const related = new Map<string, Related>();
  let cohorts: Array<{ id: string; code: string; diseaseId: string }>;
  let sites: Array<{ id: string; code: string }>;

  const rel = (p: PatientRow) => related.get(p.id)!;
  const allVisits = () => patients.flatMap((p) => rel(p).visits.map((v) => ({ ...v, patient: p })));

  /** Runs the patients list and returns the page. */
  async function patientPage(args: { where?: Where; orderBy?: Order[]; first?: number; after?: string | null; last?: number; before?: string | null; offset?: number }) {
    return (await t.data(PATIENTS, args)).patients;
  }

  /** Subject codes of every patient matching `where`, in the list's order (one page of up to 100). */
  async function codesWhere(where: Where, orderBy?: Order[]): Promise<string[]> {
    const page = await patientPage({ where, orderBy, first: 100 });
    expect(page.pageInfo.hasNextPage).toBe(false);
    return codes(whole<{ subjectCode: string }>(page));
  }

  /**
   * Checks that `where` selects exactly the patients `predicate` accepts, in the default order, and that
   * this is a proper, non-empty subset (so a filter ignored, or matching nothing, cannot pass).
   */
  async function expectSelects(where: Where, predicate: (p: PatientRow) => boolean): Promise<string[]> {
    const expected = codes(sortPatients(patients.filter(predicate)));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(patients.length);
    expect(await codesWhere(where)).toEqual(expected);
    return expected;
  }

  /** Runs a query expected to be refused as bad input naming `field`. */
  async function expectBadInput(query: string, variables: Record<string, unknown>, field: string) {
    const result = await t.execute(query, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(result.errors?.[0].message).toContain(field);
  }

  /** Walks the whole list forwards with first/after; returns the pages. */
  async function pagesForward(where: Where, orderBy: Order[], size: number) {
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const page: any = await patientPage({ where, orderBy, first: size, after });
      pages.push(page);
      after = page.pageInfo.endCursor;
    } while (pages.at(-1).pageInfo.hasNextPage && pages.length <= patients.length);
    return pages;
  }

  /** Walks the whole list backwards with last/before; returns the pages, last page first. */
  async function pagesBackward(where: Where, orderBy: Order[], size: number) {
    const pages: any[] = [];
    let before: string | null = null;
    do {
      const page: any = await patientPage({ where, orderBy, last: size, before });
      pages.push(page);
      before = page.pageInfo.startCursor;
    } while (pages.at(-1).pageInfo.hasPreviousPage && pages.length <= patients.length);
    return pages;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    const { study } = await t.data(`{ study { sites { id code } cohorts { id code diseaseId plannedVisits { id code } } } }`);
    cohorts = study.cohorts;
    sites = study.sites;
    const cohort = (code: string) => study.cohorts.find((c: any) => c.code === code);
    const site = (code: string) => study.sites.find((s: any) => s.code === code).id;

    // Patients the demo lacks: missing values (for isNull and null ordering), ties with demo values,
    // no clinical records at all (for `every`), and one out-of-window visit (for boolean filters).
    const create = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
    await t.data(create, { input: { cohortId: cohort("RA").id, siteId: site("02"), subjectCode: "RA-02-901", sex: "MALE", status: "SCREENED" } });
    await t.data(create, {
      input: { cohortId: cohort("SLE").id, siteId: site("04"), subjectCode: "SLE-04-902", sex: "FEMALE", status: "SCREENED", yearOfBirth: 1980, inclusionDate: "2016-02-01" },
    });
    const { createPatient } = await t.data(create, {
      input: {
        cohortId: cohort("PSO").id, siteId: site("05"), subjectCode: "PSO-05-903", sex: "FEMALE", status: "INCLUDED",
        ageAtInclusion: 48, yearOfBirth: 1966, inclusionDate: "2014-08-22", treatmentStartDate: "2014-08-25", diseaseDurationYears: 8,
      },
    });
    // Codes with LIKE's wildcard characters, for `contains` to find literally.
    for (const subjectCode of ["RA_01%904", "RA%01_905"]) await t.data(create, { input: { cohortId: cohort("RA").id, siteId: site("01"), subjectCode, sex: "FEMALE", status: "SCREENED" } });
    const d8 = cohort("PSO").plannedVisits.find((v: any) => v.code === "D8").id;
    await t.data(`mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, { input: { patientId: createPatient.id, plannedVisitId: d8, visitDate: "2014-09-06" } });

    patients = whole((await t.data(`{ patients(first: 100) { totalCount nodes { ${PATIENT_FIELDS} } } }`)).patients);
    // Nested pages cost what they can return, so the patients are read 40 at a time.
    const everyPatient = async (fields: string) => {
      const nodes: any[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await t.data(`query($after: String) { patients(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id ${fields} } } }`, { after })).patients;
        nodes.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) return { totalCount: page.totalCount, nodes };
        after = page.pageInfo.endCursor;
      }
    };
    const clinical = await everyPatient(`assessments(first: 60) { totalCount nodes { instrumentCode score category { code } visit { plannedVisit { code } } } }`);
    const other = await everyPatient(`adverseEvents(first: 20) { totalCount nodes { grade } }
      tregs: immuneMeasurements(first: 20, where: { parameter: { eq: "TREG_PCT_CD4" } }) { totalCount nodes { value visit { plannedVisit { code } } } }
      visits(first: 20) { totalCount nodes { id visitDate studyDay outOfWindow plannedVisit { code isBaseline } } }`);
    for (const p of whole<any>(clinical)) related.set(p.id, { assessments: whole(p.assessments) } as Related);
    for (const p of whole<any>(other)) Object.assign(related.get(p.id)!, { adverseEvents: whole(p.adverseEvents), tregs: whole(p.tregs), visits: whole(p.visits) });
    expect(related.size).toBe(patients.length);
  });
  afterAll(() => t.close());

  describe("scalar filters", () => {
    it("eq and ne on a text field", async () => {
      const code = patients[3].subjectCode;
      await expectSelects({ subjectCode: { eq: code } }, (p) => p.subjectCode === code);
      await expectSelects({ subjectCode: { ne: code } }, (p) => p.subjectCode !== code);
    });

    it("in and nin on a text field; an empty in matches nothing and an empty nin everything", async () => {
      const chosen = [patients[0].subjectCode, patients[5].subjectCode, "NO-SUCH-CODE"];
      await expectSelects({ subjectCode: { in: chosen } }, (p) => chosen.includes(p.subjectCode));
      await expectSelects({ subjectCode: { nin: chosen } }, (p) => !chosen.includes(p.subjectCode));
      expect(await codesWhere({ subjectCode: { in: [] } })).toEqual([]);
      expect(await codesWhere({ subjectCode: { nin: [] } })).toEqual(codes(sortPatients(patients)));
    });

    it("contains is a case-insensitive substring match", async () => {
      await expectSelects({ subjectCode: { contains: "ra-0" } }, (p) => p.subjectCode.toLowerCase().includes("ra-0"));
      await expectSelects({ subjectCode: { contains: "Sle-0" } }, (p) => p.subjectCode.toLowerCase().includes("sle-0"));
    });

    it("contains takes % and _ literally, not as wildcards", async () => {
      for (const text of ["_", "%", "RA%01", "RA_01"]) {
        const literal = patients.filter((p) => p.subjectCode.includes(text));
        expect(literal.length, text).toBeGreaterThan(0);
        expect(await codesWhere({ subjectCode: { contains: text } })).toEqual(codes(sortPatients(literal)));
      }
    });

    it("gt, gte, lt and lte on an integer field", async () => {
      const pivot = median(patients.map((p) => p.ageAtInclusion).filter((a): a is number => a !== null));
      const age = (p: PatientRow) => p.ageAtInclusion;
      const gt = await expectSelects({ ageAtInclusion: { gt: pivot } }, (p) => age(p) !== null && age(p)! > pivot);
      const gte = await expectSelects({ ageAtInclusion: { gte: pivot } }, (p) => age(p) !== null && age(p)! >= pivot);
      await expectSelects({ ageAtInclusion: { lt: pivot } }, (p) => age(p) !== null && age(p)! < pivot);
      await expectSelects({ ageAtInclusion: { lte: pivot } }, (p) => age(p) !== null && age(p)! <= pivot);
      expect(gte.length).toBeGreaterThan(gt.length);
    });

    it("eq, ne, in and nin on integer fields (ne and nin leave out patients without a value)", async () => {
      const year = patients[0].yearOfBirth!;
      await expectSelects({ yearOfBirth: { eq: year } }, (p) => p.yearOfBirth === year);
      const age = patients.find((p) => patients.filter((q) => q.ageAtInclusion === p.ageAtInclusion).length > 1)!.ageAtInclusion!;
      await expectSelects({ ageAtInclusion: { ne: age } }, (p) => p.ageAtInclusion !== null && p.ageAtInclusion !== age);
      const ages = [age, patients[1].ageAtInclusion!];
      await expectSelects({ ageAtInclusion: { in: ages } }, (p) => p.ageAtInclusion !== null && ages.includes(p.ageAtInclusion));
      await expectSelects({ ageAtInclusion: { nin: ages } }, (p) => p.ageAtInclusion !== null && !ages.includes(p.ageAtInclusion));
    });

    it("every operator on a float field", async () => {
      const duration = (p: PatientRow) => p.diseaseDurationYears;
      const known = patients.filter((p) => duration(p) !== null);
      const pivot = median(known.map((p) => duration(p)!));
      const pair = [pivot, known[0].diseaseDurationYears!];
      await expectSelects({ diseaseDurationYears: { eq: pivot } }, (p) => duration(p) === pivot);
      await expectSelects({ diseaseDurationYears: { ne: pivot } }, (p) => duration(p) !== null && duration(p) !== pivot);
      await expectSelects({ diseaseDurationYears: { gt: pivot } }, (p) => duration(p) !== null && duration(p)! > pivot);
      await expectSelects({ diseaseDurationYears: { gte: pivot } }, (p) => duration(p) !== null && duration(p)! >= pivot);
      await expectSelects({ diseaseDurationYears: { lt: pivot } }, (p) => duration(p) !== null && duration(p)! < pivot);
      await expectSelects({ diseaseDurationYears: { lte: pivot } }, (p) => duration(p) !== null && duration(p)! <= pivot);
      await expectSelects({ diseaseDurationYears: { in: pair } }, (p) => duration(p) !== null && pair.includes(duration(p)!));
      await expectSelects({ diseaseDurationYears: { nin: pair } }, (p) => duration(p) !== null && !pair.includes(duration(p)!));
    });

    it("every operator on a date field", async () => {
      const date = (p: PatientRow) => p.inclusionDate;
      const pivot = median(patients.map(date).filter((d): d is string => d !== null));
      await expectSelects({ inclusionDate: { eq: pivot } }, (p) => date(p) === pivot);
      await expectSelects({ inclusionDate: { ne: pivot } }, (p) => date(p) !== null && date(p) !== pivot);
      await expectSelects({ inclusionDate: { gt: pivot } }, (p) => date(p) !== null && date(p)! > pivot);
      await expectSelects({ inclusionDate: { gte: pivot } }, (p) => date(p) !== null && date(p)! >= pivot);
      await expectSelects({ inclusionDate: { lt: pivot } }, (p) => date(p) !== null && date(p)! < pivot);
      await expectSelects({ inclusionDate: { lte: pivot } }, (p) => date(p) !== null && date(p)! <= pivot);
      await expectSelects({ inclusionDate: { gte: "2015-01-01", lt: "2016-01-01" } }, (p) => date(p) !== null && date(p)! >= "2015-01-01" && date(p)! < "2016-01-01");
    });

    it("isNull true and false on integer, float and date fields", async () => {
      await expectSelects({ ageAtInclusion: { isNull: true } }, (p) => p.ageAtInclusion === null);
      await expectSelects({ ageAtInclusion: { isNull: false } }, (p) => p.ageAtInclusion !== null);
      await expectSelects({ diseaseDurationYears: { isNull: true } }, (p) => p.diseaseDurationYears === null);
      await expectSelects({ diseaseDurationYears: { isNull: false } }, (p) => p.diseaseDurationYears !== null);
      await expectSelects({ inclusionDate: { isNull: true } }, (p) => p.inclusionDate === null);
      await expectSelects({ treatmentStartDate: { isNull: false } }, (p) => p.treatmentStartDate !== null);
    });

    it("isNull true and false on text and float fields of assessments", async () => {
      const assessments = patients.flatMap((p) => rel(p).assessments);
      const count = async (where: Where) => (await t.data(`query($where: AssessmentWhere) { assessments(where: $where, first: 1) { totalCount } }`, { where })).assessments.totalCount;
      const withoutCategory = assessments.filter((a) => a.category === null).length;
      const withoutScore = assessments.filter((a) => a.score === null).length;
      expect(withoutCategory).toBeGreaterThan(0);
      expect(withoutScore).toBeGreaterThan(0);
      expect(await count({ category: { isNull: true } })).toBe(withoutCategory);
      expect(await count({ category: { isNull: false } })).toBe(assessments.length - withoutCategory);
      expect(await count({ score: { isNull: true } })).toBe(withoutScore);
      expect(await count({ score: { isNull: false } })).toBe(assessments.length - withoutScore);
    });

    it("eq, ne, in and nin on enums", async () => {
      await expectSelects({ sex: { eq: "FEMALE" } }, (p) => p.sex === "FEMALE");
      await expectSelects({ sex: { ne: "FEMALE" } }, (p) => p.sex !== "FEMALE");
      await expectSelects({ status: { in: ["SCREENED", "WITHDRAWN"] } }, (p) => ["SCREENED", "WITHDRAWN"].includes(p.status));
      await expectSelects({ status: { nin: ["COMPLETED"] } }, (p) => p.status !== "COMPLETED");
    });

    it("eq and isNull on booleans (visits out of window, baseline planned visits)", async () => {
      const visits = allVisits();
      const visitsWhere = async (where: Where) =>
        (await t.data(`query($where: VisitWhere) { visits(where: $where, first: 100) { totalCount nodes { id } } }`, { where })).visits;
      const outside = visits.filter((v) => v.outOfWindow).map((v) => v.id);
      expect(outside.length).toBeGreaterThan(0);
      expect((await visitsWhere({ outOfWindow: { eq: true } })).nodes.map((v: { id: string }) => v.id).sort()).toEqual([...outside].sort());
      expect((await visitsWhere({ outOfWindow: { eq: false } })).totalCount).toBe(visits.length - outside.length);
      expect((await visitsWhere({ outOfWindow: { isNull: false } })).totalCount).toBe(visits.length);
      const baseline = visits.filter((v) => v.plannedVisit?.isBaseline).map((v) => v.id);
      expect(baseline.length).toBeGreaterThan(0);
      expect((await visitsWhere({ plannedVisit: { isBaseline: { eq: true } } })).nodes.map((v: { id: string }) => v.id).sort()).toEqual([...baseline].sort());
      expect((await visitsWhere({ plannedVisit: { isBaseline: { eq: false } } })).totalCount).toBe(visits.filter((v) => v.plannedVisit && !v.plannedVisit.isBaseline).length);
    });

    it("cohortId and siteId filters take global ids with eq, ne, in and nin", async () => {
      const [a, b] = cohorts;
      await expectSelects({ cohortId: { eq: a.id } }, (p) => p.cohort.id === a.id);
      await expectSelects({ cohortId: { ne: a.id } }, (p) => p.cohort.id !== a.id);
      await expectSelects({ cohortId: { in: [a.id, b.id] } }, (p) => [a.id, b.id].includes(p.cohort.id));
      await expectSelects({ cohortId: { nin: [a.id, b.id] } }, (p) => ![a.id, b.id].includes(p.cohort.id));
      const site = patients[0].site.id;
      await expectSelects({ siteId: { eq: site } }, (p) => p.site.id === site);
      const ids = [patients[2].id, patients[7].id];
      await expectSelects({ id: { in: ids } }, (p) => ids.includes(p.id));
    });

    it("an id of the wrong type in an id filter is BAD_USER_INPUT naming the field", async () => {
      await expectBadInput(PATIENTS, { where: { cohortId: { eq: sites[0].id } } }, "where.cohortId");
    });

    it("and, or and not combine conditions, also nested", async () => {
      const pivot = median(patients.map((p) => p.ageAtInclusion).filter((a): a is number => a !== null));
      const older = (p: PatientRow) => p.ageAtInclusion !== null && p.ageAtInclusion >= pivot;
      const ra = cohorts.find((c) => c.code === "RA")!;
      await expectSelects({ and: [{ sex: { eq: "FEMALE" } }, { ageAtInclusion: { gte: pivot } }] }, (p) => p.sex === "FEMALE" && older(p));
      await expectSelects({ or: [{ cohortId: { eq: ra.id } }, { ageAtInclusion: { gte: pivot } }] }, (p) => p.cohort.id === ra.id || older(p));
      await expectSelects({ not: { sex: { eq: "FEMALE" } } }, (p) => p.sex !== "FEMALE");
      await expectSelects(
        { and: [{ not: { cohortId: { eq: ra.id } } }, { or: [{ sex: { eq: "MALE" } }, { status: { eq: "SCREENED" } }] }] },
        (p) => p.cohort.id !== ra.id && (p.sex === "MALE" || p.status === "SCREENED"),
      );
    });
  });

  describe("relation filters", () => {
    it("patients whose cohort's disease is in a list", async () => {
      const diseases = ["psoriasis", "systemic-lupus-erythematosus"];
      await expectSelects({ cohort: { diseaseId: { in: diseases } } }, (p) => diseases.includes(p.cohort.diseaseId));
    });

    it("patients of a site given by code", async () => {
      await expectSelects({ site: { code: { eq: "03" } } }, (p) => p.site.code === "03");
    });

    it("patients with an assessment in a given category at visit D85", async () => {
      const atD85 = (p: PatientRow, category: string) => rel(p).assessments.some((a) => a.category?.code === category && a.visit.plannedVisit?.code === "D85");
      const categories = [...new Set(patients.flatMap((p) => rel(p).assessments.filter((a) => a.visit.plannedVisit?.code === "D85").map((a) => a.category?.code)))];
      // a category some patients reached at D85 and others only at other visits
      const category = categories.find(
        (c) => c && patients.some((p) => atD85(p, c)) && patients.some((p) => !atD85(p, c) && rel(p).assessments.some((a) => a.category?.code === c)),
      )!;
      expect(category).toBeDefined();
      await expectSelects({ assessments: { some: { category: { eq: category }, visit: { plannedVisit: { code: { eq: "D85" } } } } } }, (p) => atD85(p, category));
    });

    it("patients whose Treg % of CD4 at D8 is above a value", async () => {
      const d8 = (p: PatientRow) => rel(p).tregs.filter((m) => m.visit.plannedVisit?.code === "D8" && m.value !== null).map((m) => m.value!);
      const threshold = median(patients.flatMap(d8));
      await expectSelects(
        { immuneMeasurements: { some: { parameter: { eq: "TREG_PCT_CD4" }, visit: { plannedVisit: { code: { eq: "D8" } } }, value: { gt: threshold } } } },
        (p) => d8(p).some((v) => v > threshold),
      );
    });

    it("patients who had an adverse event of grade 3 or more", async () => {
      await expectSelects({ adverseEvents: { some: { grade: { gte: 3 } } } }, (p) => rel(p).adverseEvents.some((e) => e.grade >= 3));
    });

    it("some with an empty filter: patients with at least one row", async () => {
      await expectSelects({ adverseEvents: { some: {} } }, (p) => rel(p).adverseEvents.length > 0);
    });

    it("every holds when all rows match, and for patients with no rows", async () => {
      const expected = await expectSelects({ adverseEvents: { every: { grade: { eq: 1 } } } }, (p) => rel(p).adverseEvents.every((e) => e.grade === 1));
      expect(expected).toContain(patients.find((p) => rel(p).adverseEvents.length === 0)!.subjectCode);
      expect(expected).toContain(patients.find((p) => rel(p).adverseEvents.length > 0 && rel(p).adverseEvents.every((e) => e.grade === 1))!.subjectCode);
    });

    it("none holds when no row matches, including for patients with no rows", async () => {
      const expected = await expectSelects({ adverseEvents: { none: { grade: { gte: 2 } } } }, (p) => !rel(p).adverseEvents.some((e) => e.grade >= 2));
      expect(expected).toContain(patients.find((p) => rel(p).adverseEvents.length === 0)!.subjectCode);
    });

    it("some, every and none on visits through a boolean field", async () => {
      const outside = (p: PatientRow) => rel(p).visits.filter((v) => v.outOfWindow).length;
      await expectSelects({ visits: { some: { outOfWindow: { eq: true } } } }, (p) => outside(p) > 0);
      await expectSelects({ visits: { none: { outOfWindow: { eq: true } } } }, (p) => outside(p) === 0);
      await expectSelects({ visits: { every: { outOfWindow: { eq: true } } } }, (p) => outside(p) === rel(p).visits.length);
    });

    it("filters through relations on camelCase columns (cohort.diseaseId, visits.studyDay, assessments.instrument), also on PostgreSQL", async () => {
      // Relation filters are EXISTS subqueries with their own aliases; PostgreSQL folds unquoted names to
      // lower case, so their camelCase columns must be quoted.
      await expectSelects({ cohort: { diseaseId: { eq: "psoriasis" } } }, (p) => p.cohort.diseaseId === "psoriasis");
      await expectSelects({ visits: { some: { studyDay: { gt: 200 } } } }, (p) => rel(p).visits.some((v) => v.studyDay !== null && v.studyDay > 200));
      await expectSelects({ assessments: { some: { instrument: { eq: "PASI" } } } }, (p) => rel(p).assessments.some((a) => a.instrumentCode === "PASI"));
    });

    it("every does not count a row whose field is missing as matching (assessments every score >= 0)", async () => {
      // An assessment without a score does not match { score: { gte: 0 } } (the assessments list leaves it
      // out), so `every` ("all match") must be false for patients who have one, although SQL's NOT (NULL) is NULL.
      await expectSelects({ assessments: { every: { score: { gte: 0 } } } }, (p) => rel(p).assessments.every((a) => a.score !== null && a.score >= 0));
    });
  });

  describe("ordering", () => {
    const fields = Object.keys(ORDER_VALUE);
    it.each(fields.flatMap((field) => (["ASC", "DESC"] as const).map((direction) => [field, direction] as const)))("orders by %s %s, ties by id", async (field, direction) => {
      const order = { field, direction };
      const expected = codes(sortPatients(patients, [order]));
      expect(await codesWhere({}, [order])).toEqual(expected);
    });

    it("the data has ties and missing values for the ordering tests to bite on", () => {
      for (const field of ["AGE_AT_INCLUSION", "INCLUSION_DATE", "DISEASE_DURATION", "SEX", "STATUS"]) {
        const values = patients.map(ORDER_VALUE[field]);
        expect(new Set(values).size, field).toBeLessThan(values.length);
      }
      for (const field of ["AGE_AT_INCLUSION", "INCLUSION_DATE", "DISEASE_DURATION"]) expect(patients.map(ORDER_VALUE[field]), field).toContain(null);
    });

    it("orders by several keys", async () => {
      for (const orderBy of [
        [{ field: "SEX", direction: "ASC" }, { field: "AGE_AT_INCLUSION", direction: "DESC" }],
        [{ field: "STATUS", direction: "DESC" }, { field: "INCLUSION_DATE", direction: "ASC" }, { field: "SUBJECT_CODE", direction: "DESC" }],
        [{ field: "DISEASE_DURATION", direction: "ASC" }, { field: "SEX", direction: "DESC" }],
      ] as Order[][]) {
        expect(await codesWhere({}, orderBy)).toEqual(codes(sortPatients(patients, orderBy)));
      }
    });

    it("patients with equal values are ordered by id in both directions", async () => {
      const age = 48;
      const tied = patients.filter((p) => p.ageAtInclusion === age).sort((a, b) => keyOf(a.id) - keyOf(b.id));
      expect(tied.length).toBeGreaterThan(1);
      for (const direction of ["ASC", "DESC"] as const) {
        expect(await codesWhere({ ageAtInclusion: { eq: age } }, [{ field: "AGE_AT_INCLUSION", direction }])).toEqual(codes(tied));
      }
    });

    it("missing values sort last ascending and first descending", async () => {
      const missing = codes(patients.filter((p) => p.ageAtInclusion === null).sort((a, b) => keyOf(a.id) - keyOf(b.id)));
      expect(missing.length).toBeGreaterThan(0);
      const ascending = await codesWhere({}, [{ field: "AGE_AT_INCLUSION", direction: "ASC" }]);
      expect(ascending.slice(-missing.length)).toEqual(missing);
      const descending = await codesWhere({}, [{ field: "AGE_AT_INCLUSION", direction: "DESC" }]);
      expect(descending.slice(0, missing.length)).toEqual(missing);
    });
  });

  describe("pagination", () => {
    const where = { or: [{ sex: { eq: "FEMALE" } }, { status: { eq: "SCREENED" } }] };
    const matches = (p: PatientRow) => p.sex === "FEMALE" || p.status === "SCREENED";
    const orderings: Order[][] = [
      [{ field: "DISEASE_DURATION", direction: "DESC" }, { field: "AGE_AT_INCLUSION", direction: "ASC" }],
      [{ field: "INCLUSION_DATE", direction: "ASC" }],
      [{ field: "AGE_AT_INCLUSION", direction: "DESC" }],
      [{ field: "STATUS", direction: "ASC" }, { field: "SEX", direction: "DESC" }],
    ];
    const label = (orderBy: Order[]) => orderBy.map((o) => `${o.field} ${o.direction}`).join(", ");

    it.each(orderings.map((orderBy) => [label(orderBy), orderBy] as const))("first/after walks a filtered list ordered by %s", async (_, orderBy) => {
      const expected = codes(sortPatients(patients.filter(matches), orderBy));
      const pages = await pagesForward(where, orderBy, 3);
      const walked = pages.flatMap((page) => codes(page.nodes));
      expect(walked).toEqual(expected);
      expect(new Set(walked).size).toBe(walked.length);
      expect(pages).toHaveLength(Math.ceil(expected.length / 3));
      pages.forEach((page, i) => {
        expect(page.totalCount).toBe(expected.length);
        expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
        expect(page.pageInfo.hasNextPage).toBe(i < pages.length - 1);
      });
    });

    it.each(orderings.map((orderBy) => [label(orderBy), orderBy] as const))("last/before walks a filtered list ordered by %s backwards", async (_, orderBy) => {
      const expected = codes(sortPatients(patients.filter(matches), orderBy));
      const pages = await pagesBackward(where, orderBy, 3);
      const walked = [...pages].reverse().flatMap((page) => codes(page.nodes));
      expect(walked).toEqual(expected);
      expect(new Set(walked).size).toBe(walked.length);
      expect(pages).toHaveLength(Math.ceil(expected.length / 3));
      pages.forEach((page, i) => {
        expect(page.pageInfo.hasNextPage).toBe(i > 0);
        expect(page.pageInfo.hasPreviousPage).toBe(i < pages.length - 1);
      });
    });

    it("offset skips rows and combines with first and after", async () => {
      const orderBy: Order[] = [{ field: "AGE_AT_INCLUSION", direction: "ASC" }];
      const expected = codes(sortPatients(patients, orderBy));
      const skipped = await patientPage({ orderBy, first: 4, offset: 5 });
      expect(codes(skipped.nodes)).toEqual(expected.slice(5, 9));
      expect(skipped.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      expect(skipped.totalCount).toBe(patients.length);
      const next = await patientPage({ orderBy, first: 4, offset: 2, after: skipped.pageInfo.endCursor });
      expect(codes(next.nodes)).toEqual(expected.slice(11, 15));
      const tail = await patientPage({ orderBy, first: 4, offset: expected.length - 2 });
      expect(codes(tail.nodes)).toEqual(expected.slice(-2));
      expect(tail.pageInfo.hasNextPage).toBe(false);
    });

    it("offset cannot be combined with last", async () => {
      await expectBadInput(PATIENTS, { last: 3, offset: 2 }, "offset");
    });

    it("pageInfo cursors are those of the first and last edges; an empty page has none", async () => {
      const page = await patientPage({ first: 5 });
      expect(page.edges.map((e: { node: { subjectCode: string } }) => e.node.subjectCode)).toEqual(codes(page.nodes));
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[4].cursor);
      expect(page.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      const empty = await patientPage({ where: { subjectCode: { eq: "NO-SUCH-CODE" } }, first: 5 });
      expect(empty).toMatchObject({ totalCount: 0, nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    });

    it("without first, a page holds the default 20 patients", async () => {
      const page = await patientPage({});
      expect(codes(page.nodes)).toEqual(codes(sortPatients(patients)).slice(0, 20));
      expect(page.pageInfo.hasNextPage).toBe(patients.length > 20);
    });

    it("a cursor is rejected by a list in another order, or by another list", async () => {
      const { pageInfo } = await patientPage({ first: 3, orderBy: [{ field: "SUBJECT_CODE", direction: "ASC" }] });
      await expectBadInput(PATIENTS, { first: 3, after: pageInfo.endCursor, orderBy: [{ field: "SUBJECT_CODE", direction: "DESC" }] }, "after");
      await expectBadInput(PATIENTS, { last: 3, before: pageInfo.endCursor, orderBy: [{ field: "AGE_AT_INCLUSION", direction: "ASC" }] }, "before");
      const { visits } = await t.data(`{ visits(first: 1) { pageInfo { endCursor } } }`);
      await expectBadInput(PATIENTS, { first: 3, after: visits.pageInfo.endCursor }, "after");
      await expectBadInput(PATIENTS, { first: 3, after: "not-a-cursor" }, "after");
    });

    it("first: 100 is accepted and first: 101 is BAD_USER_INPUT naming first", async () => {
      expect((await patientPage({ first: 100 })).nodes).toHaveLength(patients.length);
      await expectBadInput(PATIENTS, { first: 101 }, "first");
      await expectBadInput(PATIENTS, { first: -1 }, "first");
      await expectBadInput(PATIENTS, { last: 101 }, "last");
    });

    it("first and last together are BAD_USER_INPUT", async () => {
      await expectBadInput(PATIENTS, { first: 3, last: 3 }, "last");
    });
  });

  describe("totalCount and aggregates", () => {
    const AGGREGATES = `query($where: PatientWhere) { patients(where: $where, first: 2) { totalCount nodes { id }
      aggregates { count ageAtInclusion { min max mean count } diseaseDurationYears { min max mean count } } } }`;
    const stats = (values: Array<number | null>) => {
      const known = values.filter((v): v is number => v !== null);
      return { min: Math.min(...known), max: Math.max(...known), mean: mean(known), count: known.length };
    };
    const expectStats = (actual: { min: number; max: number; mean: number; count: number }, expected: ReturnType<typeof stats>) => {
      expect(actual).toMatchObject({ min: expected.min, max: expected.max, count: expected.count });
      expect(actual.mean).toBeCloseTo(expected.mean, 9);
    };

    it("totalCount and aggregates cover every page of the filtered list", async () => {
      const where = { cohort: { diseaseId: { in: ["rheumatoid-arthritis", "systemic-lupus-erythematosus"] } } };
      const selected = patients.filter((p) => ["rheumatoid-arthritis", "systemic-lupus-erythematosus"].includes(p.cohort.diseaseId));
      const { patients: page } = await t.data(AGGREGATES, { where });
      expect(page.nodes).toHaveLength(2);
      expect(page.totalCount).toBe(selected.length);
      expect(page.aggregates.count).toBe(selected.length);
      expectStats(page.aggregates.ageAtInclusion, stats(selected.map((p) => p.ageAtInclusion)));
      expectStats(page.aggregates.diseaseDurationYears, stats(selected.map((p) => p.diseaseDurationYears)));
    });

    it("aggregate statistics count only patients with a value, while count counts them all", async () => {
      const where = { sex: { eq: "FEMALE" } };
      const selected = patients.filter((p) => p.sex === "FEMALE");
      expect(selected.some((p) => p.ageAtInclusion === null)).toBe(true);
      const { patients: page } = await t.data(AGGREGATES, { where });
      expect(page.aggregates.count).toBe(selected.length);
      expectStats(page.aggregates.ageAtInclusion, stats(selected.map((p) => p.ageAtInclusion)));
    });

    it("totalCount does not change from page to page", async () => {
      const where = { ageAtInclusion: { gte: 40 } };
      const first = await patientPage({ where, first: 2 });
      const second = await patientPage({ where, first: 2, after: first.pageInfo.endCursor });
      const expected = patients.filter((p) => p.ageAtInclusion !== null && p.ageAtInclusion >= 40).length;
      expect([first.totalCount, second.totalCount]).toEqual([expected, expected]);
    });

    it("aggregates over no patients: count 0 and no statistics", async () => {
      const { patients: page } = await t.data(AGGREGATES, { where: { subjectCode: { eq: "NO-SUCH-CODE" } } });
      expect(page).toMatchObject({ totalCount: 0, aggregates: { count: 0, ageAtInclusion: { min: null, max: null, mean: null, count: 0 } } });
    });

    it("mean Treg % of CD4 at D8 over the immune measurements list", async () => {
      const values = patients.flatMap((p) => rel(p).tregs.filter((m) => m.visit.plannedVisit?.code === "D8").map((m) => m.value));
      const { immuneMeasurements } = await t.data(`{ immuneMeasurements(first: 1, where: { parameter: { eq: "TREG_PCT_CD4" }, visit: { plannedVisit: { code: { eq: "D8" } } } }) {
        totalCount aggregates { count value { min max mean count } } } }`);
      expect(immuneMeasurements.totalCount).toBe(values.length);
      expect(immuneMeasurements.aggregates.count).toBe(values.length);
      expectStats(immuneMeasurements.aggregates.value, stats(values));
    });
  });

  describe("nested connections", () => {
    const VISITS_OF = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $where: VisitWhere, $orderBy: [VisitOrder!]) {
      patient(id: $id) { visits(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
        totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
    const byDate = (visits: VisitRow[]) => [...visits].sort((a, b) => compareValues(a.visitDate, b.visitDate) || keyOf(a.id) - keyOf(b.id)).map((v) => v.id);
    const patientWithMostVisits = () => [...patients].sort((a, b) => rel(b).visits.length - rel(a).visits.length)[0];

    it("Patient.visits pages forwards with first/after", async () => {
      const patient = patientWithMostVisits();
      const expected = byDate(rel(patient).visits);
      expect(expected.length).toBeGreaterThan(3);
      const walked: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const visits: any = (await t.data(VISITS_OF, { id: patient.id, first: 3, after })).patient.visits;
        expect(visits.totalCount).toBe(expected.length);
        expect(visits.pageInfo.hasPreviousPage).toBe(after !== null);
        walked.push(...visits.nodes.map((v: { id: string }) => v.id));
        after = visits.pageInfo.endCursor;
        if (!visits.pageInfo.hasNextPage) break;
      }
      expect(walked).toEqual(expected);
    });

    it("Patient.visits pages backwards with last/before", async () => {
      const patient = patientWithMostVisits();
      const expected = byDate(rel(patient).visits);
      const walked: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 10; i++) {
        const visits: any = (await t.data(VISITS_OF, { id: patient.id, last: 3, before })).patient.visits;
        expect(visits.pageInfo.hasNextPage).toBe(before !== null);
        walked.unshift(...visits.nodes.map((v: { id: string }) => v.id));
        before = visits.pageInfo.startCursor;
        if (!visits.pageInfo.hasPreviousPage) break;
      }
      expect(walked).toEqual(expected);
    });

    it("Patient.visits with offset skips visits of each patient", async () => {
      const { patients: page } = await t.data(`{ patients(first: 100) { totalCount nodes { id visits(first: 2, offset: 3) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } } } } }`);
      for (const node of whole<any>(page)) {
        const expected = byDate(rel(patients.find((p) => p.id === node.id)!).visits);
        expect(node.visits.nodes.map((v: { id: string }) => v.id), node.id).toEqual(expected.slice(3, 5));
        expect(node.visits.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: expected.length > 5 });
        expect(node.visits.totalCount).toBe(expected.length);
      }
    });

    it("Patient.visits in another order", async () => {
      const patient = patientWithMostVisits();
      const { visits } = (await t.data(VISITS_OF, { id: patient.id, first: 20, orderBy: [{ field: "STUDY_DAY", direction: "DESC" }] })).patient;
      const expected = [...rel(patient).visits].sort((a, b) => compareValues(b.studyDay, a.studyDay) || keyOf(a.id) - keyOf(b.id)).map((v) => v.id);
      expect(visits.nodes.map((v: { id: string }) => v.id)).toEqual(expected);
    });

    it("Patient.visits where, totalCount and aggregates for every patient in one request", async () => {
      const { patients: page } = await t.data(`{ patients(first: 100) { totalCount nodes { id
        visits(first: 20, where: { studyDay: { gt: 20 } }) { totalCount nodes { id } aggregates { studyDay { min max count } } } } } }`);
      const late = (p: PatientRow) => rel(p).visits.filter((v) => v.studyDay !== null && v.studyDay > 20);
      expect(patients.some((p) => late(p).length === 0) && patients.some((p) => late(p).length > 0)).toBe(true);
      for (const node of whole<any>(page)) {
        const expected = late(patients.find((p) => p.id === node.id)!);
        expect(node.visits.totalCount, node.id).toBe(expected.length);
        expect(node.visits.nodes.map((v: { id: string }) => v.id)).toEqual(byDate(expected));
        const days = expected.map((v) => v.studyDay!);
        expect(node.visits.aggregates.studyDay).toEqual(
          days.length ? { min: Math.min(...days), max: Math.max(...days), count: days.length } : { min: null, max: null, count: 0 },
        );
      }
    });

    it("Cohort.patients lists each cohort's patients, filtered and ordered, with totalCount", async () => {
      const orderBy: Order[] = [{ field: "AGE_AT_INCLUSION", direction: "DESC" }];
      const { study } = await t.data(`query($orderBy: [PatientOrder!]) { study { cohorts { id
        all: patients(first: 20) { totalCount nodes { subjectCode } }
        women: patients(first: 20, where: { sex: { eq: FEMALE } }, orderBy: $orderBy) { totalCount nodes { subjectCode } } } } }`, { orderBy });
      expect(study.cohorts).toHaveLength(cohorts.length);
      for (const cohort of study.cohorts) {
        const members = patients.filter((p) => p.cohort.id === cohort.id);
        expect(codes(whole<{ subjectCode: string }>(cohort.all))).toEqual(codes(sortPatients(members)));
        expect(codes(whole<{ subjectCode: string }>(cohort.women))).toEqual(codes(sortPatients(members.filter((p) => p.sex === "FEMALE"), orderBy)));
      }
    });

    it("Cohort.patients pages with first/after", async () => {
      const cohort = [...cohorts].sort((a, b) => patients.filter((p) => p.cohort.id === b.id).length - patients.filter((p) => p.cohort.id === a.id).length)[0];
      const expected = codes(sortPatients(patients.filter((p) => p.cohort.id === cohort.id)));
      const walked: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const { node }: { node: any } = await t.data(`query($id: ID!, $after: String) { node(id: $id) { ... on Cohort { patients(first: 2, after: $after) {
          totalCount nodes { subjectCode } pageInfo { hasNextPage endCursor } } } } }`, { id: cohort.id, after });
        expect(node.patients.totalCount).toBe(expected.length);
        walked.push(...codes(node.patients.nodes));
        after = node.patients.pageInfo.endCursor;
        if (!node.patients.pageInfo.hasNextPage) break;
      }
      expect(walked).toEqual(expected);
    });
  });

  describe("filter value lists", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `CODE-${i}`);

    it("an in list of 1000 values is accepted", async () => {
      const chosen = [...many(999), patients[0].subjectCode];
      expect(await codesWhere({ subjectCode: { in: chosen } })).toEqual([patients[0].subjectCode]);
    });

    it("an in or nin list over 1000 values is BAD_USER_INPUT naming the field", async () => {
      await expectBadInput(PATIENTS, { where: { subjectCode: { in: many(1001) } } }, "where.subjectCode.in");
      await expectBadInput(PATIENTS, { where: { subjectCode: { nin: many(1001) } } }, "where.subjectCode.nin");
      await expectBadInput(PATIENTS, { where: { assessments: { some: { category: { in: many(1001) } } } } }, "where.assessments.some.category.in");
    });
  });
});
