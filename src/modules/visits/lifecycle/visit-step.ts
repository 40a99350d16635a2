import type { EntityManager } from "typeorm";
import { conflict, invalidInput } from "../../../errors";
import type { Access } from "../../access/access";
import type { Permission, WriteOptions } from "../../records/write-guard";
import { openForWrite } from "../../records/write-guard";
import type { VisitState } from "../visit-state";
import type { Visit } from "../visit.entity";

/**
 * The checks every lifecycle step shares: the caller's permission, the locks, the visit's version
 * (a step based on a stale read gets CONFLICT) and its current state.
 */
export async function beginVisitStep(
  manager: EntityManager,
  access: Access,
  input: { visitId: string; expectedVersion: number },
  permission: Permission,
  from: VisitState[],
  options: WriteOptions = {},
): Promise<Visit> {
  const { visit } = await openForWrite(manager, access, { visitId: input.visitId }, { permission, ...options });
  if (visit!.version !== input.expectedVersion) throw conflict("Visit", visit!.nodeId, input.expectedVersion, visit!.version);
  if (!from.includes(visit!.state)) throw invalidInput("visitId", `is a ${visit!.state} visit`, `a visit that is ${from.join(" or ")}`);
  return visit!;
}
