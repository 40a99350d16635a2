import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { buildAssessment, RecordAssessmentInput } from "../assessments/record-assessment";
import { buildImmuneMeasurement, RecordImmuneMeasurementInput } from "../immunology/record-immune-measurement";
import { buildAdverseEvent, RecordAdverseEventInput } from "../safety/record-adverse-event";
import { buildConcomitantMedication, RecordConcomitantMedicationInput } from "../safety/record-concomitant-medication";
import { buildDose } from "../visits/record-dose";
import { buildVisit } from "../visits/record-visit";
import { RecordDoseInput, RecordVisitInput } from "../visits/visit-inputs";
import { AdverseEvent } from "../safety/adverse-event.entity";
import { ClinicalAssessment } from "../assessments/clinical-assessment.entity";
import { ConcomitantMedication } from "../safety/concomitant-medication.entity";
import { DoseAdministration } from "../visits/dose-administration.entity";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { Visit } from "../visits/visit.entity";
import { correctRecord } from "./correct-record";
import { RemovableRecord } from "./record-base";
import { lifecycleKind } from "./record-kinds";
import { removeRecord, restoreRecord } from "./remove-record";

const kind = (name: string) => lifecycleKind(name)!;
const VERSION = { description: "The record's version as last read; a stale one gets CONFLICT." };
const REASON = { nullable: true, description: "Why; required once the visit is complete, and always for patient-level records." };

/**
 * Corrections, removals and restores of clinical records. Each runs in one transaction with its
 * audit records; see src/modules/records/README.md for the rules they follow.
 */
@Resolver()
export class RecordsResolver {
  @Mutation(() => RemovableRecord, { description: "Removes a clinical record from the data, with a reason. Nothing is deleted; restoreRecord brings it back." })
  removeRecord(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason") reason: string,
    @Ctx() { dataSource, access }: Context,
  ) {
    return dataSource.transaction((manager) => removeRecord(manager, access, id, expectedVersion, reason));
  }

  @Mutation(() => RemovableRecord, { description: "Brings a removed record back into the data, with a reason." })
  restoreRecord(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason") reason: string,
    @Ctx() { dataSource, access }: Context,
  ) {
    return dataSource.transaction((manager) => restoreRecord(manager, access, id, expectedVersion, reason));
  }

  @Mutation(() => Visit, { description: "Corrects a visit's date, planned visit or performed flag." })
  correctVisit(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordVisitInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<Visit> {
    return dataSource.transaction((m) => correctRecord(m, access, kind("Visit"), { id, expectedVersion, reason }, input, (self) => buildVisit(m, input, self)));
  }

  @Mutation(() => DoseAdministration)
  correctDose(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordDoseInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<DoseAdministration> {
    return dataSource.transaction((m) => correctRecord(m, access, kind("DoseAdministration"), { id, expectedVersion, reason }, input, () => buildDose(m, input)));
  }

  @Mutation(() => ConcomitantMedication)
  correctConcomitantMedication(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordConcomitantMedicationInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<ConcomitantMedication> {
    return dataSource.transaction((m) =>
      correctRecord(m, access, kind("ConcomitantMedication"), { id, expectedVersion, reason }, input, () => buildConcomitantMedication(m, input)),
    );
  }

  @Mutation(() => ImmuneMeasurement)
  correctImmuneMeasurement(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordImmuneMeasurementInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<ImmuneMeasurement> {
    return dataSource.transaction((m) =>
      correctRecord(m, access, kind("ImmuneMeasurement"), { id, expectedVersion, reason }, input, (self) => buildImmuneMeasurement(m, input, self)),
    );
  }

  @Mutation(() => ClinicalAssessment, { description: "Corrects an assessment's inputs; the plugin scores them again." })
  correctAssessment(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordAssessmentInput,
    @Ctx() { dataSource, access, registry }: Context,
  ): Promise<ClinicalAssessment> {
    return dataSource.transaction((m) =>
      correctRecord(m, access, kind("ClinicalAssessment"), { id, expectedVersion, reason }, input, (self) => buildAssessment(m, registry, input, self)),
    );
  }

  @Mutation(() => AdverseEvent, { description: "Corrects or follows up an adverse event (grade, outcome, resolution…)." })
  correctAdverseEvent(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordAdverseEventInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<AdverseEvent> {
    return dataSource.transaction((m) => correctRecord(m, access, kind("AdverseEvent"), { id, expectedVersion, reason }, input, () => buildAdverseEvent(m, input)));
  }
}
