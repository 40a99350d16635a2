import type { EntityManager } from "typeorm";
import type { Access } from "../../access/access";
import { optionalReason } from "../../records/write-guard";
import { VisitState } from "../visit-state";
import type { Visit } from "../visit.entity";
import type { VisitStepInput } from "./lifecycle-inputs";
import { updateVisit } from "./visit-changes";
import { beginVisitStep } from "./visit-step";

/** IN_PROGRESS → COMPLETE: data entry is finished; from now on every change needs a reason. */
export async function completeVisit(manager: EntityManager, access: Access, input: VisitStepInput): Promise<Visit> {
  const visit = await beginVisitStep(manager, access, input, "enter", [VisitState.IN_PROGRESS]);
  return updateVisit(manager, access, visit, { state: VisitState.COMPLETE }, optionalReason(input.reason, "complete a visit"));
}
