import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ClinicalAssessment } from "../assessments/clinical-assessment.entity";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { LabResult } from "../labs/lab-result.entity";
import { Patient } from "../patients/patient.entity";
import { AdverseEvent } from "../safety/adverse-event.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import { DoseAdministration } from "./dose-administration.entity";
import { Visit } from "./visit.entity";

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => Patient)
  async patient(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<Patient> {
    return (await loaders.byId(Patient).load(visit.patientId))!;
  }

  @FieldResolver(() => PlannedVisit, { nullable: true, description: "Null for an unscheduled visit." })
  async plannedVisit(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<PlannedVisit | undefined> {
    return visit.plannedVisitId === null ? undefined : loaders.byId(PlannedVisit).load(visit.plannedVisitId);
  }

  @FieldResolver(() => [DoseAdministration])
  doses(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<DoseAdministration[]> {
    return loaders.manyBy(DoseAdministration, "visitId").load(visit.id);
  }

  @FieldResolver(() => [ImmuneMeasurement])
  immuneMeasurements(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<ImmuneMeasurement[]> {
    return loaders.manyBy(ImmuneMeasurement, "visitId").load(visit.id);
  }

  @FieldResolver(() => [LabResult])
  labResults(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<LabResult[]> {
    return loaders.manyBy(LabResult, "visitId").load(visit.id);
  }

  @FieldResolver(() => [ClinicalAssessment])
  assessments(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<ClinicalAssessment[]> {
    return loaders.manyBy(ClinicalAssessment, "visitId").load(visit.id);
  }

  @FieldResolver(() => [AdverseEvent], { description: "Adverse events reported at this visit." })
  adverseEvents(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<AdverseEvent[]> {
    return loaders.manyBy(AdverseEvent, "visitId").load(visit.id);
  }
}
