/**
 * The entry mutations of the demo trial, for the invalid-input properties: per mutation a generator
 * of VALID inputs built from the demo trial's ids, and the breaks that spoil them.
 */
import fc from "fast-check";
import type { Arbitrary } from "fast-check";
import { STATISTIC_RANGE } from "../../../src/modules/immunology/immune-catalogue";
import type { TestApp } from "../../support/test-app";
import type { Break, Input } from "./breaks";
import {
  addDays, alsoBlames, boolField, brk, coerced, dateBetween, dateField, decodeGid, describeId, distance, enumField, finite, floatField, idField, intField,
  maybe, missing, nextAfter, nonFinite, opt, above, below, setTo, show, strip, text, textField, THIS_YEAR, unknownField,
} from "./breaks";

// ---------------------------------------------------------------------------------------------
// The demo trial: ids the generators use
// ---------------------------------------------------------------------------------------------

export interface CatalogueInput {
  name: string;
  type: "INTEGER" | "NUMBER" | "BOOLEAN" | "CODE";
  min: number | null;
  max: number | null;
  minExclusive: boolean;
  maxExclusive: boolean;
  options: Array<{ value: string | number }> | null;
  required: boolean;
  allowed: string;
}
export interface CatalogueInstrument {
  code: string;
  diseaseId: string | null;
  inputs: CatalogueInput[];
  /** Sets of optional inputs given together in the plugin's own examples (cross-field rules, e.g. PASI area or %). */
  shapes: string[][];
  /** The instrument's own cross-field rules (e.g. CDAI weight/standard-weight ratio): a valid input must pass them too. */
  validate?: (inputs: Input) => unknown[];
}
/** A patient created for these tests (one per cohort), with one unscheduled visit holding no data. */
export interface Subject {
  patientId: string;
  visitId: string;
  cohort: number;
  inclusionDate: string;
}
export interface Fixtures {
  sites: string[];
  cohorts: Array<{ id: string; diseaseId: string; plannedVisits: string[] }>;
  subjects: Subject[];
  demoPatients: Array<{ id: string; subjectCode: string }>;
  /** Visits of demo patients (never of a subject), with their planned visit. */
  demoVisits: Array<{ id: string; patientId: string; plannedVisitId: string | null }>;
  demoLab: { visitId: string; testCode: string };
  demoImmune: { visitId: string; parameterCode: string };
  demoAssessment: { visitId: string; instrument: string };
  labTests: Array<{ code: string; maxValue: number }>;
  immuneParameters: Array<{ code: string; min: number; max: number }>;
  instruments: CatalogueInstrument[];
  idsNotOfType(type: string): string[];
}

export const INSTRUMENT_FIELDS = "code diseaseId inputs { name type min max minExclusive maxExclusive options { value } required allowed }";

export async function loadFixtures(t: TestApp): Promise<Fixtures> {
  const catalogue = await t.data(
    `{ study { id sites { id } cohorts { id diseaseId plannedVisits { id } } } instruments { ${INSTRUMENT_FIELDS} } labTests { code maxValue } immuneParameters { code statistic } }`,
  );
  const demo = await t.data(`{
    patients(first: 100) { nodes { id subjectCode } }
    visits(first: 100) { nodes { id patient { id } plannedVisit { id } } }
    labResults(first: 1) { nodes { id testCode visit { id } } }
    immuneMeasurements(first: 1) { nodes { id parameter { code } visit { id } } }
    assessments(first: 1) { nodes { id instrumentCode visit { id } } }
    adverseEvents(first: 1) { nodes { id } }
    doses(first: 1) { nodes { id } }
  }`);
  const sites: string[] = catalogue.study.sites.map((s: { id: string }) => s.id);
  const cohorts = catalogue.study.cohorts.map((c: { id: string; diseaseId: string; plannedVisits: Array<{ id: string }> }) => ({
    id: c.id,
    diseaseId: c.diseaseId,
    plannedVisits: c.plannedVisits.map((p) => p.id),
  }));
  const subjects: Subject[] = [];
  for (const [index, cohort] of cohorts.entries()) {
    const inclusionDate = "2024-01-15";
    const { createPatient } = await t.data(`mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`, {
      input: {
        cohortId: cohort.id,
        siteId: sites[index % sites.length],
        subjectCode: `FIXTURE-${index}`,
        sex: "FEMALE",
        yearOfBirth: 1980,
        ageAtInclusion: 43,
        inclusionDate,
        treatmentStartDate: "2024-01-22",
        status: "INCLUDED",
      },
    });
    const visit = await t.data(`mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, { input: { patientId: createPatient.id, visitDate: "2024-01-22" } });
    subjects.push({ patientId: createPatient.id, visitId: visit.recordVisit.id, cohort: index, inclusionDate });
  }
  const instruments: CatalogueInstrument[] = catalogue.instruments.map((i: Omit<CatalogueInstrument, "shapes">) => {
    const examples = t.app.registry.instrument(i.code)?.definition.examples ?? [];
    const optional = new Set(i.inputs.filter((d) => !d.required).map((d) => d.name));
    const shapes = examples.map((e) => Object.keys(e.inputs).filter((k) => optional.has(k) && e.inputs[k] !== null && e.inputs[k] !== undefined));
    const validate = t.app.registry.instrument(i.code)?.definition.validate;
    return { ...i, shapes: shapes.length > 0 ? shapes : [[]], ...(validate ? { validate } : {}) };
  });
  const first = <T>(connection: { nodes: T[] }, what: string): T => {
    if (!connection.nodes[0]) throw new Error(`the demo trial has no ${what}`);
    return connection.nodes[0];
  };
  const lab = first<any>(demo.labResults, "lab result");
  const immune = first<any>(demo.immuneMeasurements, "immune measurement");
  const assessment = first<any>(demo.assessments, "assessment");
  // Records are added only to visits in progress: reopen the demo visits whose records the duplicate checks reuse.
  for (const visitId of new Set([lab.visit.id, immune.visit.id, assessment.visit.id])) {
    const { node } = await t.data(`query($id: ID!) { node(id: $id) { ... on Visit { version state } } }`, { id: visitId });
    if (node.state !== "IN_PROGRESS") {
      await t.data(`mutation($input: VisitStepInput!) { reopenVisit(input: $input) { id } }`, { input: { visitId, expectedVersion: node.version, reason: "test fixture" } });
    }
  }
  const demoVisits = demo.visits.nodes.map((v: any) => ({ id: v.id, patientId: v.patient.id, plannedVisitId: v.plannedVisit?.id ?? null }));
  const allIds: string[] = [
    catalogue.study.id,
    ...sites,
    ...cohorts.map((c: { id: string }) => c.id),
    ...cohorts.flatMap((c: { plannedVisits: string[] }) => c.plannedVisits.slice(0, 2)),
    ...subjects.flatMap((s) => [s.patientId, s.visitId]),
    ...demo.patients.nodes.slice(0, 3).map((p: { id: string }) => p.id),
    ...demoVisits.slice(0, 3).map((v: { id: string }) => v.id),
    lab.id,
    immune.id,
    assessment.id,
    ...demo.adverseEvents.nodes.map((n: { id: string }) => n.id),
    ...demo.doses.nodes.map((n: { id: string }) => n.id),
  ];
  return {
    sites,
    cohorts,
    subjects,
    demoPatients: demo.patients.nodes.filter((p: { id: string }) => !subjects.some((s) => s.patientId === p.id)),
    demoVisits,
    demoLab: { visitId: lab.visit.id, testCode: lab.testCode },
    demoImmune: { visitId: immune.visit.id, parameterCode: immune.parameter.code },
    demoAssessment: { visitId: assessment.visit.id, instrument: assessment.instrumentCode },
    labTests: catalogue.labTests,
    immuneParameters: catalogue.immuneParameters.map((p: { code: string; statistic: keyof typeof STATISTIC_RANGE }) => ({ code: p.code, ...STATISTIC_RANGE[p.statistic] })),
    instruments,
    idsNotOfType: (type) => allIds.filter((id) => decodeGid(id)?.type !== type),
  };
}

export const subjectOf = (fx: Fixtures, input: Input) => fx.subjects.find((s) => s.patientId === input.patientId || s.visitId === input.visitId);

// ---------------------------------------------------------------------------------------------
// The mutations: valid generators and breaks
// ---------------------------------------------------------------------------------------------

export const SEX = ["FEMALE", "MALE"] as const;
export const PATIENT_STATUS = ["SCREENED", "INCLUDED", "COMPLETED", "WITHDRAWN"] as const;
export const RELATEDNESS = ["NOT_RELATED", "UNLIKELY", "POSSIBLE", "PROBABLE", "DEFINITE"] as const;
export const OUTCOME = ["RECOVERED", "RECOVERING", "NOT_RECOVERED", "RECOVERED_WITH_SEQUELAE", "FATAL", "UNKNOWN"] as const;
export const ACTION = ["DOSE_NOT_CHANGED", "DOSE_DELAYED", "DOSE_INTERRUPTED", "DRUG_WITHDRAWN", "NOT_APPLICABLE"] as const;

export interface Spec {
  mutation: string;
  /** GraphQL type of the record returned on success. */
  returns: string;
  query: string;
  invalidRuns: number;
  validRuns: number;
  valid(fx: Fixtures): Arbitrary<Input>;
  breaks(fx: Fixtures): Arbitrary<Break>[];
  /** A valid input may leave the record as it was (and so write nothing), e.g. the same status again. */
  mayWriteNothing?: boolean;
  /** Adapts a valid input to a throwaway database where each run must not collide with the previous ones. */
  prepare?(app: TestApp, fx: Fixtures, input: Input): Promise<Input>;
}

export const mutationQuery = (mutation: string, inputType: string, selection = "id") =>
  `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`;

let uniqueCounter = 0;
/** A number not used before in this test process (subject codes must be unique in the study). */
export const nextUnique = () => ++uniqueCounter;
export async function freshPatient(app: TestApp, fx: Fixtures, cohort: number): Promise<string> {
  const { createPatient } = await app.data(mutationQuery("createPatient", "CreatePatientInput"), {
    input: { cohortId: fx.cohorts[cohort].id, siteId: fx.sites[0], subjectCode: `FRESH-${nextUnique()}`, sex: "MALE", inclusionDate: "2024-01-15", treatmentStartDate: "2024-01-22" },
  });
  return createPatient.id;
}
export async function freshVisit(app: TestApp, patientId: string): Promise<string> {
  const { recordVisit } = await app.data(mutationQuery("recordVisit", "RecordVisitInput"), { input: { patientId, visitDate: "2024-02-01" } });
  return recordVisit.id;
}
export async function withFreshVisit(app: TestApp, fx: Fixtures, input: Input): Promise<Input> {
  const subject = subjectOf(fx, input);
  if (!subject) throw new Error(`no subject owns visit ${String(input.visitId)}`);
  return { ...input, visitId: await freshVisit(app, subject.patientId) };
}

export const createPatient: Spec = {
  mutation: "createPatient",
  returns: "Patient",
  query: mutationQuery("createPatient", "CreatePatientInput", "id subjectCode"),
  invalidRuns: 60,
  validRuns: 30,
  valid: (fx) =>
    fc
      .record({
        cohort: fc.constantFrom(...fx.cohorts.map((c) => c.id)),
        site: fc.constantFrom(...fx.sites),
        code: text(28),
        sex: fc.constantFrom(...SEX),
        inclusionDate: maybe(dateBetween("2015-01-01", "2025-12-31")),
        treatmentAfter: maybe(fc.integer({ min: 0, max: 90 })),
        age: maybe(fc.integer({ min: 18, max: 100 })),
        withYearOfBirth: fc.boolean(),
        // Created directly as COMPLETED or WITHDRAWN would bypass changePatientStatus's reason rule.
        status: maybe(fc.constantFrom("SCREENED", "INCLUDED")),
        diseaseDurationYears: opt(finite(0, 100)),
        nullAge: fc.boolean(),
      })
      .map((r) => {
        const referenceYear = r.inclusionDate ? Number(r.inclusionDate.slice(0, 4)) : THIS_YEAR;
        return strip({
          cohortId: r.cohort,
          siteId: r.site,
          subjectCode: `PBT-${r.code}`,
          sex: r.sex,
          ageAtInclusion: r.age ?? (r.nullAge ? null : undefined),
          yearOfBirth: r.withYearOfBirth ? referenceYear - (r.age ?? 45) : undefined,
          inclusionDate: r.inclusionDate,
          treatmentStartDate: r.inclusionDate && r.treatmentAfter !== undefined ? addDays(r.inclusionDate, r.treatmentAfter) : undefined,
          status: r.status,
          diseaseDurationYears: r.diseaseDurationYears,
        });
      }),
  breaks: (fx) => [
    idField("cohortId", "Cohort", fx, true),
    idField("siteId", "Site", fx, true),
    textField("subjectCode", 40, true),
    fc.constantFrom(...fx.demoPatients.map((p) => p.subjectCode)).map((code) => brk("check", "subjectCode", `${code} (already used in the study)`, setTo("subjectCode", code))),
    enumField("sex", SEX, true),
    intField("yearOfBirth", 1900, THIS_YEAR, false),
    intField("ageAtInclusion", 18, 120, false),
    dateField("inclusionDate", false),
    dateField("treatmentStartDate", false),
    fc.record({ inclusion: dateBetween("2015-01-01", "2025-12-31"), days: fc.integer({ min: 1, max: 3650 }) }).map(({ inclusion, days }) =>
      brk(
        "check",
        "treatmentStartDate",
        `${days} days before inclusionDate ${inclusion}`,
        (input) => {
          input.inclusionDate = inclusion;
          input.treatmentStartDate = addDays(inclusion, -days);
        },
        { touches: ["inclusionDate", "treatmentStartDate"] },
      ),
    ),
    enumField("status", PATIENT_STATUS, false, false),
    floatField("diseaseDurationYears", () => ({ min: 0, max: 100 }), false),
    unknownField(["cohortId", "siteId", "subjectCode", "sex", "yearOfBirth", "ageAtInclusion", "inclusionDate", "treatmentStartDate", "status", "diseaseDurationYears"]),
  ],
  prepare: async (_app, _fx, input) => ({ ...input, subjectCode: `V${nextUnique()}-${input.subjectCode as string}` }),
};

export const changePatientStatus: Spec = {
  mutation: "changePatientStatus",
  returns: "Patient",
  query: mutationQuery("changePatientStatus", "ChangePatientStatusInput", "id status"),
  mayWriteNothing: true,
  invalidRuns: 40,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({ subject: fc.constantFrom(...fx.subjects), status: fc.constantFrom(...PATIENT_STATUS), after: fc.integer({ min: 0, max: 800 }), reason: opt(text(500)) })
      .map(({ subject, status, after, reason }) =>
        strip({ patientId: subject.patientId, expectedVersion: 1, status, date: addDays(subject.inclusionDate, after), reason: status === "WITHDRAWN" ? (reason ?? "Withdrew consent") : reason }),
      ),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    enumField("status", PATIENT_STATUS, true),
    dateField("date", true),
    fc.integer({ min: 1, max: 5000 }).map((days) =>
      brk("check", "date", `${days} days before the inclusion date`, (input) => {
        const subject = subjectOf(fx, input);
        input.date = addDays(subject?.inclusionDate ?? "2024-01-15", -days);
      }),
    ),
    textField("reason", 500, false),
    fc.constantFrom(undefined, null).map((reason) =>
      brk(
        "check",
        "reason",
        `${show(reason)} for WITHDRAWN`,
        (input) => {
          input.status = "WITHDRAWN";
          if (reason === undefined) delete input.reason;
          else input.reason = reason;
        },
        { touches: ["status", "reason"] },
      ),
    ),
    ...missing("expectedVersion"),
    unknownField(["patientId", "expectedVersion", "status", "date", "reason"]),
  ],
  // Each valid run changes the patient, so the next one must send the version it now has.
  prepare: async (app, _fx, input) => {
    const { node } = await app.data(`query($id: ID!) { node(id: $id) { ... on Patient { version } } }`, { id: input.patientId });
    return { ...input, expectedVersion: node.version };
  },
};

export const recordVisit: Spec = {
  mutation: "recordVisit",
  returns: "Visit",
  query: mutationQuery("recordVisit", "RecordVisitInput", "id studyDay"),
  invalidRuns: 40,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({ subject: fc.constantFrom(...fx.subjects), planned: fc.nat(), scheduled: fc.boolean(), nullPlanned: fc.boolean(), visitDate: dateBetween("2023-01-01", "2026-12-31"), performed: maybe(fc.boolean()) })
      .map(({ subject, planned, scheduled, nullPlanned, visitDate, performed }) => {
        const plannedVisits = fx.cohorts[subject.cohort].plannedVisits;
        return strip({ patientId: subject.patientId, plannedVisitId: scheduled ? plannedVisits[planned % plannedVisits.length] : nullPlanned ? null : undefined, visitDate, performed });
      }),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    idField("plannedVisitId", "PlannedVisit", fx, false),
    fc.nat().map((k) =>
      brk("check", "plannedVisitId", `a planned visit of another cohort (#${k})`, (input) => {
        const cohort = subjectOf(fx, input)?.cohort ?? 0;
        const others = fx.cohorts.filter((_, i) => i !== cohort).flatMap((c) => c.plannedVisits);
        input.plannedVisitId = others[k % others.length];
      }),
    ),
    fc.constantFrom(...fx.demoVisits.filter((v) => v.plannedVisitId)).map((v) =>
      brk(
        "check",
        "plannedVisitId",
        `${describeId(v.plannedVisitId!)} already recorded for ${describeId(v.patientId)}`,
        (input) => {
          input.patientId = v.patientId;
          input.plannedVisitId = v.plannedVisitId;
        },
        { touches: ["patientId", "plannedVisitId"] },
      ),
    ),
    dateField("visitDate", true),
    boolField("performed"),
    unknownField(["patientId", "plannedVisitId", "visitDate", "performed"]),
  ],
  prepare: async (app, fx, input) => {
    if (!input.plannedVisitId) return input;
    return { ...input, patientId: await freshPatient(app, fx, subjectOf(fx, input)!.cohort) };
  },
};

export const recordDose: Spec = {
  mutation: "recordDose",
  returns: "DoseAdministration",
  query: mutationQuery("recordDose", "RecordDoseInput", "id studyDay"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        subject: fc.constantFrom(...fx.subjects),
        atVisit: opt(fc.constant(true)),
        administeredOn: dateBetween("2024-01-22", "2025-06-30"),
        given: maybe(fc.boolean()),
        dose: finite(0, 1000),
        doseUnit: text(20),
        route: text(20),
        lot: opt(text(40)),
        notGivenReason: text(500),
      })
      .map((r) =>
        strip({
          patientId: r.subject.patientId,
          visitId: r.atVisit ? r.subject.visitId : r.atVisit,
          administeredOn: r.administeredOn,
          dose: r.given !== false && r.dose === 0 ? 1 : r.dose,
          doseUnit: r.doseUnit,
          route: r.route,
          lot: r.lot,
          given: r.given,
          notGivenReason: r.given === false ? r.notGivenReason : undefined,
        }),
      ),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    idField("visitId", "Visit", fx, false),
    fc.constantFrom(...fx.demoVisits).map((v) => brk("reference", "visitId", `${describeId(v.id)} (a visit of another patient)`, setTo("visitId", v.id))),
    dateField("administeredOn", true),
    floatField("dose", () => ({ min: 0, max: 1000 }), true),
    textField("doseUnit", 20, true),
    textField("route", 20, true),
    textField("lot", 40, false),
    boolField("given"),
    textField("notGivenReason", 500, false),
    fc.constantFrom(undefined, null, "").map((reason) =>
      brk(
        "check",
        "notGivenReason",
        `${show(reason)} for a dose not given`,
        (input) => {
          input.given = false;
          if (reason === undefined) delete input.notGivenReason;
          else input.notGivenReason = reason;
        },
        { touches: ["given", "notGivenReason"] },
      ),
    ),
    fc.constantFrom(0, -0).map((dose) =>
      brk(
        "check",
        "dose",
        `${show(dose)} for a dose that was given`,
        (input) => {
          input.given = true;
          input.dose = dose;
        },
        { touches: ["given", "dose"] },
      ),
    ),
    unknownField(["patientId", "visitId", "administeredOn", "dose", "doseUnit", "route", "lot", "given", "notGivenReason"]),
  ],
};

export const recordConcomitantMedication: Spec = {
  mutation: "recordConcomitantMedication",
  returns: "ConcomitantMedication",
  query: mutationQuery("recordConcomitantMedication", "RecordConcomitantMedicationInput"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        patientId: fc.constantFrom(...fx.subjects.map((s) => s.patientId), ...fx.demoPatients.slice(0, 3).map((p) => p.id)),
        drug: text(200),
        dose: opt(finite(0, 100_000)),
        doseUnit: opt(text(20)),
        frequency: opt(text(40)),
        route: opt(text(40)),
        indication: opt(text(200)),
        startDate: opt(dateBetween("2000-01-01", "2025-12-31")),
        stopAfter: opt(fc.integer({ min: 0, max: 2000 })),
      })
      .map(({ stopAfter, ...r }) => strip({ ...r, stopDate: typeof stopAfter === "number" ? addDays(r.startDate ?? "2024-01-15", stopAfter) : stopAfter })),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    textField("drug", 200, true),
    floatField("dose", () => ({ min: 0, max: 100_000 }), false),
    textField("doseUnit", 20, false),
    textField("frequency", 40, false),
    textField("route", 40, false),
    textField("indication", 200, false),
    dateField("startDate", false),
    dateField("stopDate", false),
    fc.record({ start: dateBetween("2000-01-01", "2025-12-31"), days: fc.integer({ min: 1, max: 3650 }) }).map(({ start, days }) =>
      brk(
        "check",
        "stopDate",
        `${days} days before startDate ${start}`,
        (input) => {
          input.startDate = start;
          input.stopDate = addDays(start, -days);
        },
        { touches: ["startDate", "stopDate"] },
      ),
    ),
    unknownField(["patientId", "drug", "dose", "doseUnit", "frequency", "route", "indication", "startDate", "stopDate"]),
  ],
};

/** Shared breaks of lab results and immune values: `value`/`belowDetectionLimit` consistency. */
export function detectionLimitBreaks(field: string, range: (input: Input) => { min: number; max: number }): Arbitrary<Break>[] {
  return [
    fc.constantFrom(undefined, false).map((bdl) =>
      brk(
        "check",
        field,
        `omitted while belowDetectionLimit is ${show(bdl)}`,
        (input) => {
          delete input[field];
          if (bdl === undefined) delete input.belowDetectionLimit;
          else input.belowDetectionLimit = bdl;
        },
        { touches: [field, "belowDetectionLimit"] },
      ),
    ),
    fc.double({ min: 0, max: 1, noNaN: true }).map((u) =>
      brk(
        "check",
        field,
        `given while belowDetectionLimit is true`,
        (input) => {
          const { min, max } = range(input);
          input.belowDetectionLimit = true;
          input[field] = min + u * (max - min);
        },
        { touches: [field, "belowDetectionLimit"] },
      ),
    ),
  ];
}

export const recordImmuneMeasurement: Spec = {
  mutation: "recordImmuneMeasurement",
  returns: "ImmuneMeasurement",
  query: mutationQuery("recordImmuneMeasurement", "RecordImmuneMeasurementInput"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({ subject: fc.constantFrom(...fx.subjects), parameter: fc.constantFrom(...fx.immuneParameters), below: maybe(fc.boolean()), u: fc.double({ min: 0, max: 1, noNaN: true }), limit: opt(fc.double({ min: 0, max: 1, noNaN: true })) })
      .map(({ subject, parameter, below: bdl, u, limit }) =>
        strip({
          visitId: subject.visitId,
          parameterCode: parameter.code,
          belowDetectionLimit: bdl,
          value: bdl ? undefined : parameter.min + u * (parameter.max - parameter.min),
          detectionLimit: typeof limit === "number" ? parameter.min + limit * (parameter.max - parameter.min) : limit,
        }),
      ),
  breaks: (fx) => {
    const range = (input: Input) => fx.immuneParameters.find((p) => p.code === input.parameterCode) ?? { min: 0, max: 1e9 };
    const codes = fx.immuneParameters.map((p) => p.code);
    return [
      idField("visitId", "Visit", fx, true),
      fc
          .oneof(fc.constantFrom(...codes.map((c) => c.toLowerCase()), "", "TREGS", `${codes[0]} `), fc.string())
          .filter((c) => !codes.includes(c))
          .map((c) => brk("reference", "parameterCode", `${show(c)} (not in the catalogue)`, setTo("parameterCode", c), { phase: 0 })),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(coerced("parameterCode", "not a string")),
      fc.constant(
          brk(
            "check",
            "parameterCode",
            `${fx.demoImmune.parameterCode} already recorded at ${describeId(fx.demoImmune.visitId)}`,
            (input) => {
              input.visitId = fx.demoImmune.visitId;
              input.parameterCode = fx.demoImmune.parameterCode;
              // Values valid for any parameter, since the base input's were for another one.
              Object.assign(input, { value: 0, belowDetectionLimit: false, detectionLimit: null });
            },
            { touches: ["visitId", "parameterCode", "value", "belowDetectionLimit", "detectionLimit"], phase: 0 },
          ),
      ),
      floatField("value", range, false),
      ...detectionLimitBreaks("value", range),
      floatField("detectionLimit", range, false),
      boolField("belowDetectionLimit"),
      unknownField(["visitId", "parameterCode", "value", "belowDetectionLimit", "detectionLimit"]),
    ];
  },
  prepare: withFreshVisit,
};

export const recordLabResult: Spec = {
  mutation: "recordLabResult",
  returns: "LabResult",
  query: mutationQuery("recordLabResult", "RecordLabResultInput"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        subject: fc.constantFrom(...fx.subjects),
        test: fc.constantFrom(...fx.labTests),
        below: maybe(fc.boolean()),
        u: fc.double({ min: 0, max: 1, noNaN: true }),
        low: opt(fc.double({ min: 0, max: 1, noNaN: true })),
        high: opt(fc.double({ min: 0, max: 1, noNaN: true })),
      })
      .map(({ subject, test, below: bdl, u, low, high }) => {
        const [lo, hi] = typeof low === "number" && typeof high === "number" ? [Math.min(low, high), Math.max(low, high)] : [low, high];
        return strip({
          visitId: subject.visitId,
          testCode: test.code,
          belowDetectionLimit: bdl,
          value: bdl ? undefined : u * test.maxValue,
          referenceLow: typeof lo === "number" ? lo * test.maxValue : lo,
          referenceHigh: typeof hi === "number" ? hi * test.maxValue : hi,
        });
      }),
  breaks: (fx) => {
    const range = (input: Input) => ({ min: 0, max: fx.labTests.find((t) => t.code === input.testCode)?.maxValue ?? 1e9 });
    const codes = fx.labTests.map((t) => t.code);
    return [
      idField("visitId", "Visit", fx, true),
      fc
          .oneof(fc.constantFrom(...codes.map((c) => c.toLowerCase()), "", "C-REACTIVE PROTEIN", `${codes[0]} `), fc.string())
          .filter((c) => !codes.includes(c))
          .map((c) => brk("reference", "testCode", `${show(c)} (not in the lab catalogue)`, setTo("testCode", c), { phase: 0 })),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(coerced("testCode", "not a string")),
      fc.constant(
          brk(
            "check",
            "testCode",
            `${fx.demoLab.testCode} already recorded at ${describeId(fx.demoLab.visitId)}`,
            (input) => {
              input.visitId = fx.demoLab.visitId;
              input.testCode = fx.demoLab.testCode;
              // Values valid for any test, since the base input's were for another one.
              Object.assign(input, { value: 0, belowDetectionLimit: false, referenceLow: null, referenceHigh: null });
            },
            { touches: ["visitId", "testCode", "value", "belowDetectionLimit", "referenceLow", "referenceHigh"], phase: 0 },
          ),
      ),
      floatField("value", range, false),
      ...detectionLimitBreaks("value", range),
      floatField("referenceLow", range, false),
      // A referenceHigh below 0 (or any) may also sit below referenceLow, which is reported on referenceLow.
      alsoBlames(floatField("referenceHigh", range, false), "referenceLow"),
      fc.record({ a: fc.double({ min: 0, max: 0.9, noNaN: true }), b: fc.double({ min: 0.01, max: 1, noNaN: true }) }).map(({ a, b }) =>
        brk(
          "check",
          "referenceLow",
          "above referenceHigh",
          (input) => {
            const { max } = range(input);
            const high = a * max;
            input.referenceHigh = high;
            input.referenceLow = Math.max(high + b * (max - high), nextAfter(high, 1));
          },
          { touches: ["referenceLow", "referenceHigh"] },
        ),
      ),
      boolField("belowDetectionLimit"),
      unknownField(["visitId", "testCode", "value", "referenceLow", "referenceHigh", "belowDetectionLimit"]),
    ];
  },
  prepare: withFreshVisit,
};

export const recordAdverseEvent: Spec = {
  mutation: "recordAdverseEvent",
  returns: "AdverseEvent",
  query: mutationQuery("recordAdverseEvent", "RecordAdverseEventInput", "id grade"),
  invalidRuns: 60,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        subject: fc.constantFrom(...fx.subjects),
        atVisit: opt(fc.constant(true)),
        term: text(200),
        meddra: opt(fc.record({ code: text(20), version: text(10) })),
        grade: fc.integer({ min: 1, max: 5 }),
        ctcaeVersion: maybe(text(10)),
        serious: maybe(fc.boolean()),
        relatedness: fc.constantFrom(...RELATEDNESS),
        onsetDate: dateBetween("2024-01-22", "2025-06-30"),
        resolvedAfter: opt(fc.integer({ min: 0, max: 365 })),
        outcome: fc.constantFrom(...OUTCOME.filter((o) => o !== "FATAL")),
        actionTaken: maybe(fc.constantFrom(...ACTION)),
      })
      .map((r) => {
        // Conservative: FATAL only with grade 5, a resolution date only for a resolved (or fatal) event.
        const outcome = r.grade === 5 ? "FATAL" : r.outcome;
        const resolved = ["RECOVERED", "RECOVERED_WITH_SEQUELAE", "FATAL"].includes(outcome);
        return strip({
          patientId: r.subject.patientId,
          visitId: r.atVisit ? r.subject.visitId : r.atVisit,
          term: r.term,
          meddraCode: r.meddra ? r.meddra.code : r.meddra,
          meddraVersion: r.meddra ? r.meddra.version : undefined,
          grade: r.grade,
          ctcaeVersion: r.ctcaeVersion,
          serious: r.serious,
          relatedness: r.relatedness,
          onsetDate: r.onsetDate,
          resolutionDate: resolved && typeof r.resolvedAfter === "number" ? addDays(r.onsetDate, r.resolvedAfter) : resolved ? r.resolvedAfter : undefined,
          outcome,
          actionTaken: r.actionTaken,
        });
      }),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    idField("visitId", "Visit", fx, false),
    fc.constantFrom(...fx.demoVisits).map((v) => brk("reference", "visitId", `${describeId(v.id)} (a visit of another patient)`, setTo("visitId", v.id))),
    textField("term", 200, true),
    // A MedDRA code that is given, even an invalid one, also needs a version.
    alsoBlames(textField("meddraCode", 20, false), "meddraVersion"),
    textField("meddraVersion", 10, false),
    fc.constantFrom(undefined, null, "").map((version) =>
      brk(
        "check",
        "meddraVersion",
        `${show(version)} with a MedDRA code`,
        (input) => {
          input.meddraCode = "10019211";
          if (version === undefined) delete input.meddraVersion;
          else input.meddraVersion = version;
        },
        { touches: ["meddraCode", "meddraVersion"] },
      ),
    ),
    intField("grade", 1, 5, true),
    textField("ctcaeVersion", 10, false),
    boolField("serious"),
    enumField("relatedness", RELATEDNESS, true),
    dateField("onsetDate", true),
    dateField("resolutionDate", false),
    fc.record({ onset: dateBetween("2024-01-22", "2025-06-30"), days: fc.integer({ min: 1, max: 1000 }) }).map(({ onset, days }) =>
      brk(
        "check",
        "resolutionDate",
        `${days} days before onsetDate ${onset}`,
        (input) => {
          input.onsetDate = onset;
          input.resolutionDate = addDays(onset, -days);
        },
        { touches: ["onsetDate", "resolutionDate"] },
      ),
    ),
    enumField("outcome", OUTCOME, true),
    fc.constantFrom(...OUTCOME.filter((o) => o !== "FATAL")).map((outcome) =>
      brk(
        "check",
        "outcome",
        `${outcome} for a grade 5 (fatal) event`,
        (input) => {
          input.grade = 5;
          input.outcome = outcome;
        },
        { touches: ["grade", "outcome"] },
      ),
    ),
    enumField("actionTaken", ACTION, false, false),
    unknownField(["patientId", "visitId", "term", "meddraCode", "meddraVersion", "grade", "ctcaeVersion", "serious", "relatedness", "onsetDate", "resolutionDate", "outcome", "actionTaken"]),
  ],
};

export const SPECS: Spec[] = [createPatient, changePatientStatus, recordVisit, recordDose, recordConcomitantMedication, recordImmuneMeasurement, recordLabResult, recordAdverseEvent];

// ---------------------------------------------------------------------------------------------
// recordAssessment: every input of every instrument of every plugin, from the catalogue
// ---------------------------------------------------------------------------------------------

export const ASSESSMENT_QUERY = mutationQuery("recordAssessment", "RecordAssessmentInput", "id instrumentCode score inputs");

/** A value the declaration accepts. */
export function validValue(d: CatalogueInput): Arbitrary<unknown> {
  if (d.options && d.options.length > 0) return fc.constantFrom(...d.options.map((o) => o.value));
  switch (d.type) {
    case "BOOLEAN":
      return fc.boolean();
    case "INTEGER": {
      const lo = d.min === null ? -1000 : d.minExclusive ? Math.floor(d.min) + 1 : Math.ceil(d.min);
      const hi = d.max === null ? 1000 : d.maxExclusive ? Math.ceil(d.max) - 1 : Math.floor(d.max);
      return fc.integer({ min: lo, max: hi });
    }
    case "NUMBER":
      return fc.double({ min: d.min ?? -1e6, max: d.max ?? 1e6, minExcluded: d.minExclusive, maxExcluded: d.maxExclusive, noNaN: true, noDefaultInfinity: true });
    default:
      throw new Error(`input ${d.name}: type ${d.type} without options`);
  }
}

/**
 * Valid raw inputs: every required input, and the optional ones of one of the plugin's example shapes,
 * that also pass the instrument's cross-field rules.
 */
export function validInputs(instrument: CatalogueInstrument): Arbitrary<Input> {
  const inputs = fc.constantFrom(...instrument.shapes).chain((shape) =>
    fc.record(Object.fromEntries(instrument.inputs.filter((d) => d.required || shape.includes(d.name)).map((d) => [d.name, validValue(d)]))),
  );
  const { validate } = instrument;
  return validate ? inputs.filter((candidate) => validate(candidate).length === 0) : inputs;
}

/** Subjects whose cohort may use the instrument (a general instrument: all of them). */
export const usableBy = (fx: Fixtures, instrument: CatalogueInstrument) => fx.subjects.filter((s) => !instrument.diseaseId || fx.cohorts[s.cohort].diseaseId === instrument.diseaseId);

export function validAssessment(fx: Fixtures, instrument: CatalogueInstrument): Arbitrary<Input> {
  return fc.record({ visitId: fc.constantFrom(...usableBy(fx, instrument).map((s) => s.visitId)), instrument: fc.constant(instrument.code), inputs: validInputs(instrument) });
}

export const setInput = (name: string, value: unknown) => (input: Input) => {
  // defineProperty: an own property even for names such as __proto__, as JSON.parse would make it.
  Object.defineProperty(input.inputs as Input, name, { value, enumerable: true, writable: true, configurable: true });
};

/** Every way the catalogue says this input can be wrong. */
export function inputBreak(d: CatalogueInput): Arbitrary<Break> {
  const field = `inputs.${d.name}`;
  const bad = (what: string) => (value: unknown) => brk("check", field, `${show(value)} (${what}; allowed: ${d.allowed})`, setInput(d.name, value));
  const variants: Arbitrary<Break>[] = [];
  if (d.type === "INTEGER" || d.type === "NUMBER") {
    if (d.min !== null) {
      const min = d.min;
      variants.push(fc.oneof(distance.map((x) => below(min, x)), ...(d.minExclusive ? [fc.constant(min)] : []), fc.integer({ min: -1e6, max: Math.ceil(min) - 1 })).map(bad("below the minimum")));
    }
    if (d.max !== null) {
      const max = d.max;
      variants.push(fc.oneof(distance.map((x) => above(max, x)), ...(d.maxExclusive ? [fc.constant(max)] : []), fc.integer({ min: Math.floor(max) + 1, max: 1e9 })).map(bad("above the maximum")));
    }
    if (d.type === "INTEGER") variants.push(finite(d.min ?? -1e6, d.max ?? 1e6).filter((x) => !Number.isInteger(x)).map(bad("not an integer")));
    if (d.options && d.options.length > 0 && d.min !== null && d.max !== null && d.max - d.min < 1000) {
      const offList: number[] = [];
      for (let v = Math.ceil(d.min); v <= d.max; v++) if (!d.options.some((o) => o.value === v)) offList.push(v);
      if (offList.length > 0) variants.push(fc.constantFrom(...offList).map(bad("not one of the options")));
    }
    variants.push(nonFinite.map(bad("not finite")));
    variants.push(fc.oneof(validValue(d).map((v) => String(v)), fc.boolean(), validValue(d).map((v) => [v]), fc.constant({}), fc.string()).map(bad("not a number")));
  } else if (d.type === "BOOLEAN") {
    variants.push(fc.oneof(fc.constantFrom("true", "false", "", 0, 1, "yes", Number.NaN), fc.constant([true]), fc.constant({})).map(bad("not a boolean")));
  } else {
    const values = (d.options ?? []).map((o) => o.value);
    const wrong = fc
      .oneof(fc.constantFrom(...values.map((v) => String(v).toLowerCase()), ...values.map((v) => ` ${String(v)}`), ""), fc.string(), fc.integer(), fc.boolean())
      .filter((v) => !values.includes(v as string | number));
    variants.push(wrong.map(bad("not one of the options")));
  }
  if (d.required) {
    variants.push(fc.constant(brk("check", field, "omitted (required)", (input) => void delete (input.inputs as Input)[d.name])));
    variants.push(fc.constant(brk("check", field, "null (required)", setInput(d.name, null))));
  }
  return fc.oneof(...variants);
}

export function assessmentBreaks(fx: Fixtures, instrument: CatalogueInstrument): Arbitrary<Break>[] {
  const declared = instrument.inputs.map((d) => d.name);
  const allCodes = fx.instruments.map((i) => i.code);
  const otherDisease = fx.instruments.filter((i) => i.diseaseId && i.diseaseId !== instrument.diseaseId);
  const cannotUse = fx.subjects.filter((s) => instrument.diseaseId && fx.cohorts[s.cohort].diseaseId !== instrument.diseaseId);
  const demoInstrument = fx.instruments.find((i) => i.code === fx.demoAssessment.instrument)!;
  const unknownName = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom("constructor", "toString", "hasOwnProperty", "__proto__", "valueOf", ...declared.map((n) => n.toUpperCase()), ...declared.map((n) => `${n} `)),
    )
    .filter((n) => !declared.includes(n));
  return [
    fc.oneof(
      idField("visitId", "Visit", fx, true),
      ...(cannotUse.length > 0
        ? [fc.constantFrom(...cannotUse).map((s) => brk("reference", "visitId", `a visit of the ${fx.cohorts[s.cohort].diseaseId} cohort`, setTo("visitId", s.visitId), { blames: ["instrument"] }))]
        : []),
    ),
    fc.oneof(
      fc
        .oneof(fc.string(), fc.constantFrom(instrument.code.toLowerCase(), ` ${instrument.code}`, `${instrument.code} `, instrument.code.replace(/_/g, "-"), ""))
        .filter((c) => !allCodes.includes(c))
        .map((c) => brk("reference", "instrument", `${show(c)} (not a known instrument)`, setTo("instrument", c))),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(coerced("instrument", "not a string")),
      ...(otherDisease.length > 0
        ? [
            fc.record({ other: fc.constantFrom(...otherDisease), subject: fc.constantFrom(...fx.subjects) }).filter(({ other, subject }) => fx.cohorts[subject.cohort].diseaseId !== other.diseaseId).map(({ other, subject }) =>
              brk("reference", "instrument", `${other.code} of ${other.diseaseId} at a visit of the ${fx.cohorts[subject.cohort].diseaseId} cohort`, (input) => {
                input.instrument = other.code;
                input.visitId = subject.visitId;
              }, { touches: ["instrument", "visitId"] }),
            ),
          ]
        : []),
      validInputs(demoInstrument).map((inputs) =>
        brk("reference", "instrument", `${demoInstrument.code} already recorded at ${describeId(fx.demoAssessment.visitId)}`, (input) => {
          input.visitId = fx.demoAssessment.visitId;
          input.instrument = demoInstrument.code;
          input.inputs = inputs;
        }, { touches: ["visitId", "instrument", "inputs"] }),
      ),
    ),
    fc.oneof(fc.constantFrom([], "x", 5, true, null, [{}]), fc.constant(undefined)).map((v) =>
      brk("coercion", "inputs", `${show(v)} (not an object)`, (input) => {
        if (v === undefined) delete input.inputs;
        else input.inputs = v;
      }),
    ),
    ...instrument.inputs.map(inputBreak),
    fc.record({ name: unknownName, value: fc.oneof(fc.integer(), fc.boolean(), fc.string()) }).map(({ name, value }) =>
      brk("check", `inputs.${name}`, `${show(value)} under an undeclared name`, setInput(name, value)),
    ),
  ];
}
