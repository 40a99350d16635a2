import type { DataSource } from "typeorm";
import { toGlobalId } from "../../src/graphql/global-id";
import { DEFAULT_PAGE_SIZE } from "../../src/graphql/views/page-args";
import { categoryOf, roundTo } from "../../src/plugin-api";
import type { PluginRegistry } from "../../src/plugins/registry";

/*
 * The baseline of the benchmark: the two documented views (docs/queries/*.graphql) fetched with
 * hand-written SQL and assembled into plain objects of exactly the shape the GraphQL response has,
 * so that bench.ts can check the two agree before timing them. Statements that do not depend on
 * each other run concurrently, as a hand-written endpoint would.
 */

/** Page sizes the query documents ask for; lists without `first` get the default page. */
const PAGE = { visits: 20, doses: DEFAULT_PAGE_SIZE, immune: 50, labs: 50, assessments: 20, adverseEvents: DEFAULT_PAGE_SIZE, patients: 100 };

type Sql = <T>(statement: string, parameters?: unknown[]) => Promise<T[]>;

/** Runs parameterised SQL written with PostgreSQL's `$1` placeholders; SQLite spells them `?1`. */
function sqlOf(dataSource: DataSource): Sql {
  const sqlite = dataSource.options.type === "sqlite";
  return (statement, parameters = []) => dataSource.query(sqlite ? statement.replace(/\$(\d+)/g, "?$1") : statement, parameters);
}

/** pg returns DATE columns as Date objects at local midnight, SQLite as the stored text. */
function day(value: string | Date): string {
  if (typeof value === "string") return value;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** Rows grouped by a key, each group cut to `size` in the order of the rows. */
function groupBy<R, V>(rows: R[], key: (row: R) => number, size: number, view: (row: R) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row)) ?? [];
    if (group.length < size) group.push(view(row));
    groups.set(key(row), group);
  }
  return groups;
}

interface AssessmentRow {
  id: number;
  instrumentCode: string;
  score: number | null;
  category: string | null;
}

/** display and category as the ClinicalAssessment resolvers derive them from the stored score. */
function assessmentView(registry: PluginRegistry, row: AssessmentRow) {
  const definition = registry.instrument(row.instrumentCode)?.definition;
  const decimals = definition?.decimals ?? 2;
  const known = definition && row.category !== null ? categoryOf(definition, row.score, row.category) : undefined;
  return {
    id: toGlobalId("ClinicalAssessment", row.id),
    instrumentCode: row.instrumentCode,
    display: row.score === null ? null : roundTo(row.score, decimals).toFixed(decimals),
    category: row.category === null ? null : known?.code === row.category ? { code: known.code, label: known.label } : { code: row.category, label: row.category },
  };
}

/** docs/queries/patient-timeline.graphql in 7 statements, all keyed by the patient. */
export async function patientTimelineSql(dataSource: DataSource, registry: PluginRegistry, patientId: number) {
  const sql = sqlOf(dataSource);
  const [patients, visits, doses, immune, labs, assessments, adverseEvents] = await Promise.all([
    sql<{ id: number; subjectCode: string; status: string; cohortId: number; code: string; name: string; diseaseId: string }>(
      `SELECT p.id, p."subjectCode", p.status, c.id AS "cohortId", c.code, c.name, c."diseaseId"
       FROM patient p JOIN cohort c ON c.id = p."cohortId" WHERE p.id = $1`,
      [patientId],
    ),
    sql<{ id: number; visitDate: string | Date; studyDay: number | null; outOfWindow: boolean | number; plannedId: number | null; code: string; label: string }>(
      `SELECT v.id, v."visitDate", v."studyDay", v."outOfWindow", pv.id AS "plannedId", pv.code, pv.label
       FROM visit v LEFT JOIN planned_visit pv ON pv.id = v."plannedVisitId"
       WHERE v."patientId" = $1 ORDER BY v."visitDate", v.id LIMIT ${PAGE.visits}`,
      [patientId],
    ),
    sql<{ id: number; visitId: number; administeredOn: string | Date; dose: number; doseUnit: string; given: boolean | number }>(
      `SELECT id, "visitId", "administeredOn", dose, "doseUnit", given FROM dose_administration
       WHERE "patientId" = $1 AND "visitId" IS NOT NULL ORDER BY "administeredOn", id`,
      [patientId],
    ),
    // Fold change needs the value of the same parameter at the baseline visit: joined in, not refetched.
    sql<{ id: number; visitId: number; value: number | null; unit: string; parameterId: number; code: string; label: string; baseline: number | null }>(
      `SELECT m.id, m."visitId", m.value, m.unit, ip.id AS "parameterId", ip.code, ip.label, b.value AS baseline
       FROM immune_measurement m
       JOIN immune_parameter ip ON ip.id = m."parameterId"
       LEFT JOIN (
         SELECT bm."parameterId", bm.value FROM immune_measurement bm
         JOIN visit bv ON bv.id = bm."visitId" JOIN planned_visit bp ON bp.id = bv."plannedVisitId"
         WHERE bm."patientId" = $1 AND bp."isBaseline"
       ) b ON b."parameterId" = m."parameterId"
       WHERE m."patientId" = $1 ORDER BY m.id`,
      [patientId],
    ),
    sql<{ id: number; visitId: number; testCode: string; value: number | null; unit: string; referenceHigh: number | null }>(
      `SELECT id, "visitId", "testCode", value, unit, "referenceHigh" FROM lab_result WHERE "patientId" = $1 ORDER BY "testCode", id`,
      [patientId],
    ),
    sql<AssessmentRow & { visitId: number }>(
      `SELECT id, "visitId", "instrumentCode", score, category FROM clinical_assessment WHERE "patientId" = $1 ORDER BY id`,
      [patientId],
    ),
    sql<{ id: number; visitId: number; term: string; grade: number; relatedness: string }>(
      `SELECT id, "visitId", term, grade, relatedness FROM adverse_event
       WHERE "patientId" = $1 AND "visitId" IS NOT NULL ORDER BY "onsetDate", id`,
      [patientId],
    ),
  ]);
  const patient = patients[0];
  if (!patient) return { patient: null };

  const dosesOf = groupBy(doses, (d) => d.visitId, PAGE.doses, (d) => ({
    id: toGlobalId("DoseAdministration", d.id), administeredOn: day(d.administeredOn), dose: d.dose, doseUnit: d.doseUnit, given: Boolean(d.given),
  }));
  const immuneOf = groupBy(immune, (m) => m.visitId, PAGE.immune, (m) => ({
    id: toGlobalId("ImmuneMeasurement", m.id),
    value: m.value,
    unit: m.unit,
    parameter: { id: toGlobalId("ImmuneParameter", m.parameterId), code: m.code, label: m.label },
    changeFromBaseline: { foldChange: m.baseline && m.value !== null ? m.value / m.baseline : null },
  }));
  const labsOf = groupBy(labs, (l) => l.visitId, PAGE.labs, (l) => ({
    id: toGlobalId("LabResult", l.id),
    testCode: l.testCode,
    value: l.value,
    unit: l.unit,
    aboveUpperLimit: l.value === null || l.referenceHigh === null ? null : l.value > l.referenceHigh,
  }));
  const assessmentsOf = groupBy(assessments, (a) => a.visitId, PAGE.assessments, (a) => assessmentView(registry, a));
  const adverseEventsOf = groupBy(adverseEvents, (e) => e.visitId, PAGE.adverseEvents, (e) => ({
    id: toGlobalId("AdverseEvent", e.id), term: e.term, grade: e.grade, relatedness: e.relatedness,
  }));
  const plugin = registry.plugin(patient.diseaseId);
  return {
    patient: {
      id: toGlobalId("Patient", patient.id),
      subjectCode: patient.subjectCode,
      status: patient.status,
      cohort: {
        id: toGlobalId("Cohort", patient.cohortId),
        code: patient.code,
        name: patient.name,
        disease: plugin ? { id: plugin.id, shortName: plugin.shortName } : null,
      },
      visits: {
        nodes: visits.map((v) => ({
          id: toGlobalId("Visit", v.id),
          visitDate: day(v.visitDate),
          studyDay: v.studyDay,
          outOfWindow: Boolean(v.outOfWindow),
          plannedVisit: v.plannedId === null ? null : { id: toGlobalId("PlannedVisit", v.plannedId), code: v.code, label: v.label },
          doses: { nodes: dosesOf.get(v.id) ?? [] },
          immuneMeasurements: { nodes: immuneOf.get(v.id) ?? [] },
          labResults: { nodes: labsOf.get(v.id) ?? [] },
          assessments: { nodes: assessmentsOf.get(v.id) ?? [] },
          adverseEvents: { nodes: adverseEventsOf.get(v.id) ?? [] },
        })),
      },
    },
  };
}

/** docs/queries/cohort-overview.graphql in 3 statements: cohorts, patients with their latest activity, status counts. */
export async function cohortOverviewSql(dataSource: DataSource, registry: PluginRegistry) {
  const sql = sqlOf(dataSource);
  // The `study` query without a code answers the first study.
  const firstStudy = `(SELECT MIN(id) FROM study)`;
  // Latest activity = the latest assessment of the cohort's primary instrument, which depends on the disease.
  const primary = registry.plugins.map((plugin) => [plugin.id, plugin.primaryInstrument]);
  const isPrimary = primary.map((_, i) => `(cc."diseaseId" = $${2 * i + 1} AND ca."instrumentCode" = $${2 * i + 2})`).join(" OR ") || "1 = 0";
  const [cohorts, patients, counts, groups] = await Promise.all([
    sql<{ studyId: number; studyCode: string; id: number | null; code: string; name: string; diseaseId: string }>(
      `SELECT s.id AS "studyId", s.code AS "studyCode", c.id, c.code, c.name, c."diseaseId"
       FROM study s LEFT JOIN cohort c ON c."studyId" = s.id
       WHERE s.id = ${firstStudy} ORDER BY c.code, c.id`,
    ),
    // A page of each cohort (the first 100 by subject code), its latest activity only: a hand-written
    // endpoint would not read the whole trial to show one page per cohort.
    sql<{
      patientId: number; cohortId: number; subjectCode: string; status: string; siteId: number; siteCode: string;
      activityId: number | null; instrumentCode: string; score: number | null; category: string | null; visitId: number; plannedId: number | null; plannedCode: string;
    }>(
      `WITH page AS (
         SELECT p.id FROM cohort c JOIN patient p ON p.id IN (
           SELECT q.id FROM patient q WHERE q."cohortId" = c.id ORDER BY q."subjectCode", q.id LIMIT ${PAGE.patients})
         WHERE c."studyId" = ${firstStudy})
       SELECT p.id AS "patientId", p."cohortId", p."subjectCode", p.status, st.id AS "siteId", st.code AS "siteCode",
              a.id AS "activityId", a."instrumentCode", a.score, a.category, a."visitId", a."plannedId", a."plannedCode"
       FROM patient p
       JOIN page ON page.id = p.id
       JOIN site st ON st.id = p."siteId"
       LEFT JOIN (
         SELECT ca.id, ca."patientId", ca."instrumentCode", ca.score, ca.category, v.id AS "visitId", pv.id AS "plannedId", pv.code AS "plannedCode",
                ROW_NUMBER() OVER (PARTITION BY ca."patientId" ORDER BY v."visitDate" DESC, ca.id DESC) AS n
         FROM clinical_assessment ca
         JOIN visit v ON v.id = ca."visitId"
         LEFT JOIN planned_visit pv ON pv.id = v."plannedVisitId"
         JOIN patient pp ON pp.id = ca."patientId"
         JOIN cohort cc ON cc.id = pp."cohortId"
         WHERE ca."patientId" IN (SELECT id FROM page) AND (${isPrimary})
       ) a ON a."patientId" = p.id AND a.n = 1
       ORDER BY p."cohortId", p."subjectCode", p.id`,
      primary.flat(),
    ),
    sql<{ cohortId: number; count: number | string }>(`SELECT "cohortId", COUNT(*) AS count FROM patient GROUP BY "cohortId"`),
    sql<{ cohort: string | null; status: string; count: number | string }>(
      `SELECT c.code AS cohort, p.status, COUNT(*) AS count
       FROM patient p LEFT JOIN cohort c ON c.id = p."cohortId"
       GROUP BY c.code, p.status ORDER BY c.code, p.status`,
    ),
  ]);
  const study = cohorts[0];
  const patientsOf = groupBy(patients, (p) => p.cohortId, Infinity, (p) => ({
    id: toGlobalId("Patient", p.patientId),
    subjectCode: p.subjectCode,
    status: p.status,
    site: { id: toGlobalId("Site", p.siteId), code: p.siteCode },
    latestActivity:
      p.activityId === null
        ? null
        : {
            ...assessmentView(registry, { id: p.activityId, instrumentCode: p.instrumentCode, score: p.score, category: p.category }),
            visit: { id: toGlobalId("Visit", p.visitId), plannedVisit: p.plannedId === null ? null : { id: toGlobalId("PlannedVisit", p.plannedId), code: p.plannedCode } },
          },
  }));
  return {
    study: study
      ? {
          id: toGlobalId("Study", study.studyId),
          code: study.studyCode,
          cohorts: cohorts.flatMap((c) => {
            if (c.id === null) return [];
            const plugin = registry.plugin(c.diseaseId);
            const members = patientsOf.get(c.id) ?? [];
            return [{
              id: toGlobalId("Cohort", c.id),
              code: c.code,
              name: c.name,
              disease: plugin ? { id: plugin.id, name: plugin.name, primaryInstrument: plugin.primaryInstrument } : null,
              patients: { totalCount: Number(counts.find((n) => n.cohortId === c.id)?.count ?? 0), nodes: members },
            }];
          }),
        }
      : null,
    patientGroups: groups.map((g) => ({ key: { cohort: g.cohort, status: g.status }, count: Number(g.count) })),
  };
}

/** FILTERED_PATIENTS (scale-queries.ts): the page and the total in 2 statements. */
export async function filteredPatientsSql(dataSource: DataSource) {
  const sql = sqlOf(dataSource);
  const matching = `FROM patient p WHERE p.status = 'COMPLETED' AND EXISTS (
      SELECT 1 FROM immune_measurement m JOIN immune_parameter ip ON ip.id = m."parameterId"
      JOIN visit v ON v.id = m."visitId" JOIN planned_visit pv ON pv.id = v."plannedVisitId"
      WHERE m."patientId" = p.id AND ip.code = 'TREG_PCT_CD4' AND pv.code = 'D8' AND m.value > 8 AND m."removedAt" IS NULL AND v."removedAt" IS NULL)`;
  const [page, [{ count }]] = await Promise.all([
    sql<{ id: number; subjectCode: string; status: string }>(`SELECT p.id, p."subjectCode", p.status ${matching} ORDER BY p."subjectCode", p.id LIMIT 50`),
    sql<{ count: number | string }>(`SELECT COUNT(*) AS count ${matching}`),
  ]);
  return { patients: { totalCount: Number(count), nodes: page.map((p) => ({ id: toGlobalId("Patient", p.id), subjectCode: p.subjectCode, status: p.status })) } };
}

/** ADVERSE_EVENT_GROUPS (scale-queries.ts) in 1 statement. */
export async function adverseEventGroupsSql(dataSource: DataSource) {
  const rows = await sqlOf(dataSource)<{ disease: string | null; grade: number; count: number | string }>(
    `SELECT c."diseaseId" AS disease, ae.grade, COUNT(*) AS count FROM adverse_event ae
     JOIN patient p ON p.id = ae."patientId" LEFT JOIN cohort c ON c.id = p."cohortId"
     WHERE ae."removedAt" IS NULL GROUP BY c."diseaseId", ae.grade ORDER BY c."diseaseId", ae.grade`,
  );
  return { adverseEventGroups: rows.map((r) => ({ key: { disease: r.disease, grade: String(r.grade) }, count: Number(r.count) })) };
}
