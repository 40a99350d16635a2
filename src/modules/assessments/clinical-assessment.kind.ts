import { FloatFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { ANALYSTS } from "../access/deidentified";
import { defineRecordKind, PLANNED_VISIT_DIMENSION } from "../records/record-kind";
import { ClinicalAssessment } from "./clinical-assessment.entity";
import { buildAssessment, RecordAssessmentInput } from "./record-assessment";
import { ClinicalAssessmentResolver } from "./clinical-assessment.resolver";

/** Clinical assessments: an instrument's inputs with the score and category its plugin computed, one per instrument and visit. */
export const clinicalAssessmentKind = defineRecordKind({
  name: "ClinicalAssessment",
  listName: "Assessment",
  entity: ClinicalAssessment,
  alias: "assessment",
  noun: "clinical assessments",
  visitContent: true,
  uniqueWithin: ["visitId", "instrumentCode"],
  filter: {
    description: "Filter on clinical assessments.",
    fields: {
      instrument: { type: StringFilter, column: "instrumentCode", description: 'Instrument code, e.g. { eq: "DAS28_ESR" }.' },
      score: { type: FloatFilter },
      category: { type: StringFilter, description: 'Category code, e.g. { in: ["remission", "low"] }.' },
    },
    through: ["visit", "patient"],
    onPatient: { field: "assessments", description: 'e.g. some: { instrument: { eq: "DAS28_ESR" }, category: { eq: "remission" } }' },
  },
  order: { fields: { INSTRUMENT: "instrumentCode", SCORE: "score", RECORDED: "id" }, default: "RECORDED" },
  stats: { score: "score" },
  lists: {
    root: { field: "assessments", description: "Clinical assessments of all patients, filtered, ordered and paged." },
    visit: { field: "assessments", description: "Clinical assessments of this visit." },
    patient: { field: "assessments", description: 'Clinical assessments, e.g. where: { instrument: { eq: "DAS28_ESR" } }.' },
  },
  groups: {
    field: "assessmentGroups",
    description: "Assessments counted per instrument, category, visit, disease, cohort or site, with score statistics.",
    dimensions: {
      INSTRUMENT: { description: "Instrument code", sql: (alias) => `"${alias}"."instrumentCode"` },
      CATEGORY: { description: "Category code", sql: (alias) => `"${alias}"."category"` },
      VISIT: PLANNED_VISIT_DIMENSION,
    },
  },
  resolvers: [ClinicalAssessmentResolver],
  analysts: { instrumentCode: ANALYSTS.code, calculatorVersion: ANALYSTS.computed, display: ANALYSTS.computed },
  write: {
    mutation: "Assessment",
    input: RecordAssessmentInput,
    recordDescription: "Scores the inputs with the instrument's plugin and stores inputs, score and category.",
    correctDescription: "Corrects an assessment's inputs; the plugin scores them again.",
    opens: (input) => ({ target: { visitId: input.visitId }, options: { adding: true } }),
    build: (manager, input, { registry, replacing, guarded }) => buildAssessment(manager, registry, input, replacing, guarded),
  },
});
