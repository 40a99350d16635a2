import { FloatFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { ANALYSTS } from "../access/deidentified";
import { defineRecordKind, PLANNED_VISIT_DIMENSION } from "../records/record-kind";
import { LabResult } from "./lab-result.entity";
import { buildLabResult, RecordLabResultInput } from "./record-lab-result";
import { LabResultResolver } from "./lab-result.resolver";

/** Laboratory results (CDISC LB): one per test and visit. */
export const labResultKind = defineRecordKind({
  name: "LabResult",
  entity: LabResult,
  alias: "lab",
  noun: "laboratory results",
  visitContent: true,
  uniqueWithin: ["visitId", "testCode"],
  filter: {
    description: "Filter on laboratory results.",
    fields: { testCode: { type: StringFilter }, value: { type: FloatFilter }, referenceHigh: { type: FloatFilter } },
    through: ["visit", "patient"],
    onPatient: { field: "labResults" },
  },
  order: { fields: { TEST_CODE: "testCode", VALUE: "value" }, default: "TEST_CODE" },
  stats: { value: "value" },
  lists: {
    root: { field: "labResults", description: "Laboratory results of all patients, filtered, ordered and paged." },
    visit: { field: "labResults", description: "Laboratory results of this visit." },
    patient: { field: "labResults", description: 'Laboratory results, e.g. where: { testCode: { eq: "CRP" } }.' },
  },
  groups: {
    field: "labResultGroups",
    description: "Laboratory values summarised per test, visit, disease, cohort or site.",
    dimensions: {
      TEST_CODE: { description: "Test code", sql: (alias) => `"${alias}"."testCode"` },
      VISIT: PLANNED_VISIT_DIMENSION,
    },
  },
  resolvers: [LabResultResolver],
  analysts: { testCode: ANALYSTS.code, unit: ANALYSTS.catalogue },
  write: {
    mutation: "LabResult",
    input: RecordLabResultInput,
    opens: (input) => ({ target: { visitId: input.visitId }, options: { adding: true } }),
    build: (manager, input, { replacing, guarded }) => buildLabResult(manager, input, replacing, guarded),
  },
});
