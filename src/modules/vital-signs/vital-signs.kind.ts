import { FloatFilter, IntFilter } from "../../graphql/views/scalar-filters";
import { defineRecordKind, PLANNED_VISIT_DIMENSION } from "../records/record-kind";
import { buildVitalSigns, RecordVitalSignsInput } from "./record-vital-signs";
import { VitalSigns } from "./vital-signs.entity";
import { VitalSignsResolver } from "./vital-signs.resolver";

/** Vital signs (CDISC VS): one form per visit, part of the visit's signed content. */
export const vitalSignsKind = defineRecordKind({
  name: "VitalSigns",
  entity: VitalSigns,
  alias: "vs",
  noun: "vital signs",
  visitContent: true,
  uniqueWithin: ["visitId"],
  filter: {
    description: "Filter on vital signs.",
    fields: {
      weightKg: { type: FloatFilter, description: "Body weight in kg." },
      systolicBp: { type: IntFilter, description: "Systolic blood pressure in mmHg." },
      diastolicBp: { type: IntFilter, description: "Diastolic blood pressure in mmHg." },
      heartRate: { type: IntFilter, description: "Heart rate in beats/min." },
    },
    through: ["visit", "patient"],
    onPatient: { field: "vitalSigns", description: "Patients by their vital signs, e.g. vitalSigns: { some: { systolicBp: { lt: 90 } } }." },
  },
  order: {
    fields: {
      RECORDED: "id",
      WEIGHT_KG: "weightKg",
      HEIGHT_CM: "heightCm",
      SYSTOLIC_BP: "systolicBp",
      DIASTOLIC_BP: "diastolicBp",
      HEART_RATE: "heartRate",
      TEMPERATURE_C: "temperatureC",
    },
    default: "RECORDED",
    description: "RECORDED: order of entry.",
  },
  stats: {
    weightKg: "weightKg",
    heightCm: "heightCm",
    systolicBp: "systolicBp",
    diastolicBp: "diastolicBp",
    heartRate: "heartRate",
    temperatureC: "temperatureC",
  },
  lists: {
    root: { field: "vitalSigns", description: "Vital signs of all patients, filtered, ordered and paged, e.g. where: { systolicBp: { lt: 90 } }." },
    visit: { field: "vitalSigns", description: "The vital signs of this visit (at most one)." },
    patient: { field: "vitalSigns", description: "The patient's vital signs, one per visit where taken." },
  },
  groups: {
    field: "vitalSignsGroups",
    description: "Vital signs summarised per visit, disease, cohort or site.",
    dimensions: { VISIT: PLANNED_VISIT_DIMENSION },
  },
  resolvers: [VitalSignsResolver],
  analysts: {},
  write: {
    mutation: "VitalSigns",
    input: RecordVitalSignsInput,
    recordDescription: "Records the vital signs of a visit IN_PROGRESS: one set per visit.",
    correctDescription: "Corrects the vital signs of a visit: send every measure, as when recording them.",
    opens: (input) => ({ target: { visitId: input.visitId }, options: { adding: true } }),
    build: (manager, input, { replacing, guarded }) => buildVitalSigns(manager, input, replacing, guarded),
  },
});
