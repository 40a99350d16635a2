import type { MiddlewareFn } from "type-graphql";
import { unauthenticated } from "../errors";
import type { Context } from "./context";

/** Root fields open to callers who have not signed in. */
const PUBLIC_ROOT_FIELDS = new Set(["signIn"]);

/** Every query and mutation but sign-in needs a signed-in caller. */
export const requireSignIn: MiddlewareFn<Context> = async ({ context, info }, next) => {
  const root = info.parentType.name;
  if ((root === "Query" || root === "Mutation") && !context.access.authenticated && !PUBLIC_ROOT_FIELDS.has(info.fieldName)) {
    throw unauthenticated("Sign in first: send `Authorization: Bearer <token>` (the signIn mutation returns one)");
  }
  return next();
};

/**
 * Fields that are free text or identify a person more closely than the analysis needs; analysts, who
 * see de-identified data only, receive null for them.
 */
const IDENTIFYING_FIELDS = new Set([
  "Patient.yearOfBirth",
  "Patient.statusReason",
  "AdverseEvent.term",
  "ConcomitantMedication.indication",
  "DoseAdministration.lot",
  "DoseAdministration.notGivenReason",
]);

/** Free-text reasons, on whichever type carries them (every removable record, signatures). */
const FREE_TEXT_REASONS = new Set(["removalReason", "voidReason"]);

export const deidentifyForAnalysts: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (context.access.deidentified && (IDENTIFYING_FIELDS.has(`${info.parentType.name}.${info.fieldName}`) || FREE_TEXT_REASONS.has(info.fieldName))) return null;
  return next();
};
