import type { Loaders } from "../../graphql/loaders";
import { PlannedVisit } from "../study/planned-visit.entity";
import { Visit } from "./visit.entity";

/** The patient's recorded visit whose planned visit is flagged as baseline. */
export async function findBaselineVisit(loaders: Loaders, patientId: number): Promise<Visit | undefined> {
  const visits = await loaders.manyBy(Visit, "patientId", "visitDate").load(patientId);
  const plannedIds = visits.flatMap((v) => (v.plannedVisitId === null ? [] : [v.plannedVisitId]));
  const planned = await loaders.byId(PlannedVisit).loadMany(plannedIds);
  const baselineIds = new Set(planned.flatMap((p) => (p instanceof PlannedVisit && p.isBaseline ? [p.id] : [])));
  return visits.find((v) => v.plannedVisitId !== null && baselineIds.has(v.plannedVisitId));
}
