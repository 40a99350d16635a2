import { BooleanFilter, DateFilter, IntFilter, StringFilter, enumFilter } from "../../graphql/views/scalar-filters";
import { ANALYSTS } from "../access/deidentified";
import { defineRecordKind } from "../records/record-kind";
import { AdverseEventOutcome, Relatedness } from "./adverse-event-enums";
import { AdverseEvent } from "./adverse-event.entity";
import { buildAdverseEvent, RecordAdverseEventInput } from "./record-adverse-event";
import { AdverseEventResolver } from "./adverse-event.resolver";

const VERBATIM_TERM = ANALYSTS.hidden("the verbatim term: free text");

/** Adverse events: a patient-level log; an event may name the visit it was reported at. */
export const adverseEventKind = defineRecordKind({
  name: "AdverseEvent",
  entity: AdverseEvent,
  alias: "ae",
  noun: "adverse events",
  visitContent: false,
  filter: {
    description: "Filter on adverse events.",
    fields: {
      term: { type: StringFilter },
      meddraCode: { type: StringFilter },
      grade: { type: IntFilter, description: "CTCAE grade, e.g. { gte: 3 }." },
      serious: { type: BooleanFilter },
      relatedness: { type: enumFilter(Relatedness, "Relatedness") },
      outcome: { type: enumFilter(AdverseEventOutcome, "AdverseEventOutcome") },
      onsetDate: { type: DateFilter },
    },
    through: ["patient"],
    onPatient: { field: "adverseEvents", description: "e.g. some: { grade: { gte: 3 } }" },
  },
  order: { fields: { ONSET_DATE: "onsetDate", GRADE: "grade" }, default: "ONSET_DATE" },
  stats: { grade: "grade" },
  lists: {
    root: { field: "adverseEvents", description: "Adverse events of all patients, filtered, ordered and paged." },
    visit: { field: "adverseEvents", description: "Adverse events reported at this visit." },
    patient: { field: "adverseEvents", description: "Adverse events, by default in onset order." },
  },
  groups: {
    field: "adverseEventGroups",
    description: "Adverse events counted per term, grade, relatedness, seriousness, disease, cohort or site.",
    dimensions: {
      TERM: { description: "Verbatim term", sql: (alias) => `"${alias}"."term"` },
      GRADE: { description: "CTCAE grade", sql: (alias) => `"${alias}"."grade"` },
      RELATEDNESS: { description: "Relatedness to the study drug", sql: (alias) => `"${alias}"."relatedness"` },
      // Group keys are text on both databases: a boolean reads the same on SQLite (0/1) and PostgreSQL.
      SERIOUS: { description: "Serious (true/false)", sql: (alias) => `CASE WHEN "${alias}"."serious" THEN 'true' ELSE 'false' END` },
    },
  },
  resolvers: [AdverseEventResolver],
  analysts: { term: VERBATIM_TERM, meddraCode: ANALYSTS.code, meddraVersion: ANALYSTS.code, ctcaeVersion: ANALYSTS.code },
  write: {
    mutation: "AdverseEvent",
    input: RecordAdverseEventInput,
    correctDescription: "Corrects or follows up an adverse event (grade, outcome, resolution…).",
    opens: (input) => ({ target: { patientId: input.patientId }, options: { refersTo: { visitId: input.visitId } } }),
    build: (manager, input, { replacing, guarded }) => buildAdverseEvent(manager, input, replacing, guarded),
  },
});
