import { DateFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { ANALYSTS } from "../access/deidentified";
import { defineRecordKind } from "../records/record-kind";
import { ConcomitantMedication } from "./concomitant-medication.entity";
import { buildConcomitantMedication, RecordConcomitantMedicationInput } from "./record-concomitant-medication";

/** Concomitant medications: a patient-level log of treatments taken alongside the study drug. */
export const concomitantMedicationKind = defineRecordKind({
  name: "ConcomitantMedication",
  entity: ConcomitantMedication,
  alias: "cm",
  noun: "concomitant medications",
  visitContent: false,
  filter: {
    description: "Filter on concomitant medications; stopDate: { isNull: true } gives the ongoing ones.",
    fields: { drug: { type: StringFilter }, indication: { type: StringFilter }, startDate: { type: DateFilter }, stopDate: { type: DateFilter } },
    through: [],
  },
  order: { fields: { DRUG: "drug", START_DATE: "startDate" }, default: "START_DATE" },
  stats: { dose: "dose" },
  lists: { patient: { field: "concomitantMedications", description: "Treatments taken alongside the study drug, by default in start-date order." } },
  analysts: { drug: ANALYSTS.freeText, frequency: ANALYSTS.freeText, indication: ANALYSTS.freeText, route: ANALYSTS.freeText, doseUnit: ANALYSTS.unit },
  write: {
    mutation: "ConcomitantMedication",
    input: RecordConcomitantMedicationInput,
    opens: (input) => ({ target: { patientId: input.patientId } }),
    build: (manager, input, { replacing, guarded }) => buildConcomitantMedication(manager, input, replacing, guarded),
  },
});
