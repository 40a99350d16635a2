import { registerEnumType } from "type-graphql";

export enum VisitState {
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETE = "COMPLETE",
  NOT_DONE = "NOT_DONE",
}
registerEnumType(VisitState, { name: "VisitState", description: "Data-entry state of a visit." });
