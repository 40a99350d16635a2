import { Field, ID, InputType, Int } from "type-graphql";
import type { EntityManager } from "typeorm";
import { LocalDate } from "../../graphql/scalars";
import { Checks } from "../../validation/checks";
import { findPatient, findVisit } from "../visits/patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { ActionTaken, AdverseEventOutcome, Relatedness } from "./adverse-event-enums";
import { AdverseEvent } from "./adverse-event.entity";

@InputType()
export class RecordAdverseEventInput {
  @Field(() => ID)
  patientId: string;

  @Field(() => ID, { nullable: true, description: "Visit at which the event was reported; must be a visit of the same patient." })
  visitId?: string | null;

  @Field({ description: "Verbatim term as reported." })
  term: string;

  @Field(() => String, { nullable: true })
  meddraCode?: string | null;

  @Field(() => String, { nullable: true })
  meddraVersion?: string | null;

  @Field(() => Int, { description: "CTCAE grade 1–5." })
  grade: number;

  @Field({ defaultValue: "5.0" })
  ctcaeVersion: string;

  @Field({ defaultValue: false })
  serious: boolean;

  @Field(() => Relatedness)
  relatedness: Relatedness;

  @Field(() => LocalDate)
  onsetDate: string;

  @Field(() => LocalDate, { nullable: true })
  resolutionDate?: string | null;

  @Field(() => AdverseEventOutcome)
  outcome: AdverseEventOutcome;

  @Field(() => ActionTaken, { defaultValue: ActionTaken.DOSE_NOT_CHANGED })
  actionTaken: ActionTaken;
}

/** The checks of an adverse event's own fields, without the database (the bulk generator runs them too). */
export function adverseEventChecks(input: Omit<RecordAdverseEventInput, "patientId" | "visitId">): Checks {
  const checks = new Checks()
    .text("term", input.term, 200)
    .text("meddraCode", input.meddraCode, 20)
    .text("meddraVersion", input.meddraVersion, 10)
    .integer("grade", input.grade, 1, 5)
    .text("ctcaeVersion", input.ctcaeVersion, 10)
    .date("onsetDate", input.onsetDate)
    .date("resolutionDate", input.resolutionDate)
    .notBefore("resolutionDate", input.resolutionDate, input.onsetDate, "onsetDate");
  if (input.meddraCode && !input.meddraVersion) checks.required("meddraVersion", input.meddraVersion, "with a MedDRA code");
  // CTCAE grade 5 is death related to the event, so the two go together.
  if (input.grade === 5 && input.outcome !== AdverseEventOutcome.FATAL) checks.add("outcome", "must be FATAL for a grade 5 event", "FATAL");
  if (input.outcome === AdverseEventOutcome.FATAL && input.grade !== 5) checks.add("grade", "must be 5 for a fatal event", "5");
  return checks;
}

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildAdverseEvent(manager: EntityManager, input: RecordAdverseEventInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<AdverseEvent> {
  const patient = await findPatient(manager, "patientId", input.patientId, guarded?.patient);
  const visit = input.visitId != null ? await findVisit(manager, "visitId", input.visitId, patient.id, guarded?.visit) : null;
  adverseEventChecks(input).verify();
  return manager.create(AdverseEvent, {
    patientId: patient.id,
    visitId: visit?.id ?? null,
    term: input.term,
    meddraCode: input.meddraCode ?? null,
    meddraVersion: input.meddraVersion ?? null,
    grade: input.grade,
    ctcaeVersion: input.ctcaeVersion,
    serious: input.serious,
    relatedness: input.relatedness,
    onsetDate: input.onsetDate,
    resolutionDate: input.resolutionDate ?? null,
    outcome: input.outcome,
    actionTaken: input.actionTaken,
  });
}

export async function recordAdverseEvent(manager: EntityManager, input: RecordAdverseEventInput): Promise<AdverseEvent> {
  return manager.save(await buildAdverseEvent(manager, input));
}
