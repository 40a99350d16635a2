import { Field, ID, InputType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { InvalidInputError } from "../../errors";
import { JSONObject } from "../../graphql/scalars";
import { scoreInstrument } from "../../plugin-api";
import type { InstrumentDefinition, Inputs } from "../../plugin-api";
import type { PluginRegistry } from "../../plugins/registry";
import { Patient } from "../patients/patient.entity";
import { Cohort } from "../study/cohort.entity";
import { findVisit } from "../visits/patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { ClinicalAssessment } from "./clinical-assessment.entity";
import { fillLabFedInputs } from "./lab-fed-inputs";
import type { LabFedInputs } from "./lab-fed-inputs";
import { otherThan } from "../records/other-than";

@InputType()
export class RecordAssessmentInput {
  @Field(() => ID)
  visitId: string;

  @Field({ description: "Instrument code, e.g. DAS28_ESR (see the instruments query)." })
  instrument: string;

  @Field(() => JSONObject, {
    description:
      "Raw inputs keyed by the instrument's input names; the score is computed from them. A lab-fed input (catalogue: `lab`) that is omitted is taken from the lab result stored at the visit.",
  })
  inputs: Inputs;
}

/** Scores the inputs with the instrument's plugin and stores inputs, score and category together. */
/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildAssessment(manager: EntityManager, registry: PluginRegistry, input: RecordAssessmentInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<ClinicalAssessment> {
  const visit = await findVisit(manager, "visitId", input.visitId, undefined, guarded?.visit);
  const registered = registry.instrument(input.instrument);
  const patient = await manager.findOneByOrFail(Patient, { id: visit.patientId });
  const cohort = await manager.findOneByOrFail(Cohort, { id: patient.cohortId });
  const usable = registry.allInstruments().filter((i) => !i.plugin || i.plugin.id === cohort.diseaseId);
  if (!registered || !usable.includes(registered)) {
    const allowed = usable.map((i) => i.definition.code).join(", ");
    const why = registered ? `belongs to ${registered.plugin!.name}, not to this patient's cohort (${cohort.diseaseId})` : "is not a known instrument";
    throw new InvalidInputError([{ field: "instrument", message: `instrument ${JSON.stringify(input.instrument)} ${why}`, allowed }]);
  }
  const definition = registered.definition;
  const scored = scoreAssessment(definition, await fillLabFedInputs(manager, definition, visit.id, input.inputs ?? {}));
  if (await manager.existsBy(ClinicalAssessment, { visitId: visit.id, instrumentCode: definition.code, ...otherThan(replacing) })) {
    throw new InvalidInputError([{ field: "instrument", message: `instrument ${definition.code} is already recorded at this visit` }]);
  }
  return manager.create(ClinicalAssessment, { visitId: visit.id, patientId: visit.patientId, ...scored });
}

/** Scores the inputs (lab-fed ones filled in) and returns the assessment's stored fields, or throws every problem at once. */
export function scoreAssessment(definition: InstrumentDefinition, fed: LabFedInputs) {
  const outcome = scoreInstrument(definition, fed.inputs);
  // An input without a usable lab result is reported once, with the lab's reason.
  const reported = new Set(fed.problems.map((p) => p.field));
  const problems = [...fed.problems, ...(outcome.ok ? [] : outcome.problems.filter((p) => !reported.has(p.field)))];
  if (problems.length > 0 || !outcome.ok) throw new InvalidInputError(problems);
  return {
    instrumentCode: definition.code,
    inputs: fed.inputs,
    labSources: Object.keys(fed.sources).length > 0 ? fed.sources : null,
    score: outcome.value,
    category: outcome.category?.code ?? null,
    components: outcome.components,
    calculatorVersion: definition.version,
  };
}

export async function recordAssessment(manager: EntityManager, registry: PluginRegistry, input: RecordAssessmentInput): Promise<ClinicalAssessment> {
  return manager.save(await buildAssessment(manager, registry, input));
}
