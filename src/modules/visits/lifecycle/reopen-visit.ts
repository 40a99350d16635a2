import type { EntityManager } from "typeorm";
import type { Access } from "../../access/access";
import { requireReason } from "../../records/write-guard";
import { VisitState } from "../visit-state";
import type { Visit } from "../visit.entity";
import type { VisitStepInput } from "./lifecycle-inputs";
import { updateVisit, voidSignature } from "./visit-changes";
import { beginVisitStep } from "./visit-step";

/** COMPLETE or SIGNED → IN_PROGRESS, with a reason, to add data; reopening a signed visit voids its signature. */
export async function reopenVisit(manager: EntityManager, access: Access, input: VisitStepInput): Promise<Visit> {
  const visit = await beginVisitStep(manager, access, input, "enter", [VisitState.COMPLETE, VisitState.SIGNED]);
  const reason = requireReason(visit, input.reason, "reopen a visit");
  await voidSignature(manager, access, visit.id, reason);
  return updateVisit(manager, access, visit, { state: VisitState.IN_PROGRESS }, reason);
}
