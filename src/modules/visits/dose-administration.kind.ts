import { BooleanFilter, DateFilter, IntFilter } from "../../graphql/views/scalar-filters";
import { ANALYSTS } from "../access/deidentified";
import { defineRecordKind } from "../records/record-kind";
import { DoseAdministration } from "./dose-administration.entity";
import { buildDose } from "./record-dose";
import { RecordDoseInput } from "./visit-inputs";
import { DoseAdministrationResolver } from "./dose-administration.resolver";

/** Study-drug administrations: given at a visit (part of its content) or, between visits, by the patient. */
export const doseAdministrationKind = defineRecordKind({
  name: "DoseAdministration",
  listName: "Dose",
  entity: DoseAdministration,
  alias: "dose",
  noun: "study-drug administrations",
  visitContent: true,
  filter: {
    description: "Filter on study-drug administrations.",
    fields: { administeredOn: { type: DateFilter }, studyDay: { type: IntFilter }, given: { type: BooleanFilter } },
    through: ["patient"],
  },
  order: { fields: { ADMINISTERED_ON: "administeredOn" }, default: "ADMINISTERED_ON" },
  stats: { dose: "dose", studyDay: "studyDay" },
  lists: {
    root: { field: "doses", description: "Study-drug administrations of all patients, filtered, ordered and paged." },
    visit: { field: "doses", description: "Study-drug administrations given at this visit." },
    patient: { field: "doses", description: "Study-drug administrations, by default in date order." },
  },
  resolvers: [DoseAdministrationResolver],
  analysts: {
    doseUnit: ANALYSTS.unit,
    route: ANALYSTS.unit,
    lot: ANALYSTS.hidden("a batch number traces the vials a participant received"),
    notGivenReason: ANALYSTS.reason,
  },
  write: {
    mutation: "Dose",
    input: RecordDoseInput,
    // A dose given at a visit is governed by that visit (added only while it is in progress); one taken
    // between visits by the patient alone.
    opens: (input) => ({
      target: input.visitId != null ? { visitId: input.visitId } : { patientId: input.patientId },
      options: { adding: true, refersTo: { patientId: input.patientId } },
    }),
    build: (manager, input, { replacing, guarded }) => buildDose(manager, input, replacing, guarded),
  },
});
