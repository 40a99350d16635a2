import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp("sqlite", { demo: true });
});
afterAll(() => t.close());

describe("global ids and node(id:)", () => {
  it("refetches every kind of object by its id, with the same fields", async () => {
    const { patients } = await t.data(`{ patients(first: 1) { nodes { id subjectCode cohort { id code } site { id }
      visits(first: 1) { nodes { id studyDay plannedVisit { id } immuneMeasurements(first: 1) { nodes { id value parameter { id } } }
        labResults(first: 1) { nodes { id } } assessments(first: 1) { nodes { id score } } doses(first: 1) { nodes { id } } } }
      adverseEvents(first: 1) { nodes { id } } concomitantMedications { nodes { id } } } } study { id } }`);
    const patient = patients.nodes[0];
    const visit = patient.visits.nodes[0];
    const more = await t.data(`{ study { id } adverseEvents(first: 1) { nodes { id } } assessments(first: 1) { nodes { id } } doses(first: 1) { nodes { id } }
      patients(first: 100) { nodes { concomitantMedications(first: 1) { nodes { id } } } } }`);
    const medication = more.patients.nodes.find((p: any) => p.concomitantMedications.nodes.length > 0).concomitantMedications.nodes[0];
    const ids = [
      patient.id, patient.cohort.id, patient.site.id, visit.id, visit.plannedVisit.id, visit.immuneMeasurements.nodes[0].id,
      visit.immuneMeasurements.nodes[0].parameter.id, visit.labResults.nodes[0].id,
      more.study.id, more.adverseEvents.nodes[0].id, more.assessments.nodes[0].id, more.doses.nodes[0].id, medication.id,
    ];
    const typenames = new Set<string>();
    for (const id of ids) {
      const { node } = await t.data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(node.id).toBe(id);
      typenames.add(node.__typename);
    }
    expect([...typenames].sort()).toEqual([
      "AdverseEvent", "ClinicalAssessment", "Cohort", "ConcomitantMedication", "DoseAdministration", "ImmuneMeasurement", "ImmuneParameter", "LabResult", "Patient",
      "PlannedVisit", "Site", "Study", "Visit",
    ]);
    const { node } = await t.data(`query($id: ID!) { node(id: $id) { ... on Patient { subjectCode } } }`, { id: patient.id });
    expect(node.subjectCode).toBe(patient.subjectCode);
  });

  it("gives distinct ids to objects of different types with the same database key", async () => {
    const { study, patients } = await t.data(`{ study { id } patients(first: 1) { nodes { id } } }`);
    expect(study.id).not.toBe(patients.nodes[0].id);
  });

  it("answers null for an unknown or malformed id", async () => {
    expect((await t.data(`{ node(id: "nonsense") { id } }`)).node).toBeNull();
    const missing = Buffer.from("Patient:999999").toString("base64url");
    expect((await t.data(`query($id: ID!) { node(id: $id) { id } }`, { id: missing })).node).toBeNull();
  });

  it("answers null, without an error, for existing rows that are not Nodes (users, role assignments, audit records)", async () => {
    for (const type of ["User", "RoleAssignment", "AuditEvent"]) {
      // The row exists: null is the answer for its type, not for a missing row.
      expect(await t.dataSource.manager.countBy(type, { id: 1 }), type).toBe(1);
      const id = Buffer.from(`${type}:1`).toString("base64url");
      const result = await t.execute(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(result, type).toEqual({ data: { node: null } });
    }
  });
});
