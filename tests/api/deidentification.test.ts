import { buildSchema as schemaFromSdl, getNamedType, isNonNullType, isObjectType } from "graphql";
import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { buildBasketSchema } from "../../src/graphql/schema";
import { DEIDENTIFICATION, analystDecision } from "../../src/modules/access/deidentified";
import type { HttpTrial } from "../support/http-trial";
import { startHttpTrial } from "../support/http-trial";
import { testDatabases } from "../support/test-database";

const ROOTS = new Set(["Query", "Mutation", "Subscription"]);

/** Every `Type.field` of an output object type whose value is text (String, or a list of String). */
function textFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__") && !ROOTS.has(type.name))
    .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).filter((field) => getNamedType(field.type).name === "String").map((field) => `${type.name}.${field.name}`));
}

const undeclared = (schema: GraphQLSchema) => textFields(schema).filter((name) => !analystDecision(...(name.split(".") as [string, string])));

describe("the de-identification declaration", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBasketSchema(plugins);
  });

  it("decides every free-text (String) field of every output type of the schema, with a reason", () => {
    expect(textFields(schema).length).toBeGreaterThan(100);
    expect(undeclared(schema)).toEqual([]);
    for (const [type, fields] of Object.entries(DEIDENTIFICATION)) {
      for (const [field, decision] of Object.entries(fields)) {
        expect(["null", "kept"], `${type}.${field}`).toContain(decision.analysts);
        expect(decision.why.length, `${type}.${field}`).toBeGreaterThan(10);
      }
    }
  });

  it("hides text only where the schema lets it be null (otherwise analysts would get an error instead of null)", () => {
    const erroring = textFields(schema).filter((name) => {
      const [type, field] = name.split(".") as [string, string];
      return analystDecision(type, field)?.analysts === "null" && isNonNullType((schema.getType(type) as any).getFields()[field].type);
    });
    expect(erroring).toEqual([]);
  });

  it("declares only fields the schema has (a renamed field is not silently left undecided)", () => {
    const stale = Object.entries(DEIDENTIFICATION).flatMap(([type, fields]) => {
      const graphqlType = schema.getType(type);
      return Object.keys(fields).filter((field) => !isObjectType(graphqlType) || !(field in graphqlType.getFields())).map((field) => `${type}.${field}`);
    });
    expect(stale).toEqual([]);
  });

  it("hides a record's hidden field in its statistics and group keys as well, unless declared there", () => {
    expect(analystDecision("AdverseEventGroup", "term")?.analysts).toBe("null");
    expect(analystDecision("ConcomitantMedicationAggregates", "drug")?.analysts).toBe("null");
    expect(analystDecision("PatientAggregates", "yearOfBirth")?.analysts).toBe("kept");
    expect(analystDecision("PatientGroupKey", "statusReason")?.analysts).toBe("null");
    expect(analystDecision("Patient", "nickname")).toBeUndefined();
  });

  it("catches a new String field that nobody decided on", () => {
    const grown = schemaFromSdl(`type Query { patient: Patient } type Patient { subjectCode: String nickname: String! aliases: [String!] age: Int }`);
    expect(undeclared(grown)).toEqual(["Patient.nickname", "Patient.aliases"]);
  });

  it("hides the free text the brief names: medications' drug and frequency, the study's lock reason", () => {
    for (const field of ["ConcomitantMedication.drug", "ConcomitantMedication.frequency", "ConcomitantMedication.indication", "Study.lockReason", "AdverseEvent.term", "DoseAdministration.lot"]) {
      expect(analystDecision(...(field.split(".") as [string, string]))?.analysts, field).toBe("null");
    }
  });
});

describe.each(testDatabases)("what analysts receive over HTTP on %s", (kind) => {
  let trial: HttpTrial;
  let studyId: string;
  beforeAll(async () => {
    trial = await startHttpTrial(kind);
    studyId = (await trial.post("demo-data-manager", `{ study { id } }`)).body.data.study.id;
    const locked = await trial.post("demo-data-manager", `mutation($id: ID!) { lockStudy(studyId: $id, reason: "database lock for the final analysis, signed off by Dr Jane Roe") { lockedAt } }`, { id: studyId });
    expect(locked.body.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => trial?.stop());

  const MEDICATIONS = `{ study { lockedAt lockReason } patients(first: 100) { nodes { concomitantMedications { nodes { id drug frequency indication route doseUnit dose } } } } }`;

  it("gives analysts null for drug, frequency and lockReason, on lists and on node(id), where others see them", async () => {
    const manager = (await trial.post("demo-data-manager", MEDICATIONS)).body;
    const analyst = (await trial.post("demo-analyst", MEDICATIONS)).body;
    expect(analyst.errors).toBeUndefined();
    const meds = (body: any) => body.data.patients.nodes.flatMap((p: any) => p.concomitantMedications.nodes);
    expect(meds(manager).length).toBeGreaterThan(0);
    expect(meds(manager).every((m: any) => m.drug && m.frequency)).toBe(true);
    expect(manager.data.study.lockReason).toMatch(/Jane Roe/);
    expect(meds(analyst)).toEqual(meds(manager).map((m: any) => ({ ...m, drug: null, frequency: null, indication: null, route: null })));
    expect(analyst.data.study).toEqual({ lockedAt: manager.data.study.lockedAt, lockReason: null });
    const one = `query($id: ID!) { node(id: $id) { ... on ConcomitantMedication { drug frequency dose } } }`;
    const { body } = await trial.post("demo-analyst", one, { id: meds(manager)[0].id });
    expect(body.data.node).toEqual({ drug: null, frequency: null, dose: meds(manager)[0].dose });
  });

  it("refuses analysts' filters and sort orders on drug (and on indication, also free text)", async () => {
    const refused: Array<[string, string]> = [
      [`{ patients(first: 5) { nodes { concomitantMedications(where: { drug: { eq: "prednisone" } }) { totalCount } } } }`, "where.drug"],
      [`{ patients(first: 5) { nodes { concomitantMedications(where: { or: [{ drug: { contains: "pred" } }] }) { totalCount } } } }`, "where.or[0].drug"],
      [`{ patients(first: 5) { nodes { concomitantMedications(where: { not: { indication: { contains: "a" } } }) { totalCount } } } }`, "where.not.indication"],
      [`{ patients(first: 5) { nodes { concomitantMedications(orderBy: [{ field: DRUG, direction: DESC }]) { totalCount } } } }`, "orderBy"],
    ];
    for (const [query, path] of refused) {
      const analyst = (await trial.post("demo-analyst", query)).body;
      expect(analyst.errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
      expect(analyst.errors?.[0]?.message, query).toContain(`${path}: analysts see de-identified data`);
      expect((await trial.post("demo-data-manager", query)).body.errors, query).toBeUndefined();
    }
    // frequency has no filter or order at all: asking for one is a schema error for everybody
    const frequency = (await trial.post("demo-analyst", `{ patients(first: 1) { nodes { concomitantMedications(where: { frequency: { eq: "QD" } }) { totalCount } } } }`)).body;
    expect(frequency.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("keeps what the limited data set keeps: dates, ages and year of birth, filterable and in statistics", async () => {
    const query = `{ patients(first: 100, where: { yearOfBirth: { gte: 1900 } }) { totalCount aggregates { yearOfBirth { min } ageAtInclusion { mean } } nodes { yearOfBirth ageAtInclusion inclusionDate } } }`;
    const analyst = (await trial.post("demo-analyst", query)).body;
    expect(analyst.errors).toBeUndefined();
    expect(analyst).toEqual((await trial.post("demo-data-manager", query)).body);
    expect(analyst.data.patients.nodes.some((p: any) => p.yearOfBirth !== null)).toBe(true);
  });
});
