import { registerEnumType } from "type-graphql";

/**
 * The lifecycle of a visit's data. Data is added while IN_PROGRESS; once COMPLETE every change needs
 * a reason; a change to a SIGNED visit voids the signature (back to COMPLETE); a LOCKED visit refuses
 * every write until a data manager unlocks it with a reason.
 */
export enum VisitState {
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETE = "COMPLETE",
  SIGNED = "SIGNED",
  LOCKED = "LOCKED",
}
registerEnumType(VisitState, {
  name: "VisitState",
  description: "Lifecycle of a visit's data.",
  valuesConfig: {
    IN_PROGRESS: { description: "Data entry open; changes need no reason." },
    COMPLETE: { description: "Entry finished; every change needs a reason. Records can be added only after reopening." },
    SIGNED: { description: "Signed by an investigator; a change voids the signature and returns the visit to COMPLETE." },
    LOCKED: { description: "Frozen: every write is refused until a data manager unlocks it with a reason." },
  },
});
