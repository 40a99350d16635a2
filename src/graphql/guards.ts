import type { MiddlewareFn } from "type-graphql";
import { isNonNullType } from "graphql";
import { forbidden, unauthenticated } from "../errors";
import { IDENTIFYING_FIELDS } from "../modules/access/deidentified";
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
 * Analysts see de-identified data: identifying fields (deidentified.ts) come back null, and where the
 * schema promises a value (their statistics) the field is refused with FORBIDDEN.
 */
export const deidentifyForAnalysts: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (context.access.deidentified && IDENTIFYING_FIELDS.has(info.fieldName)) {
    if (isNonNullType(info.returnType)) throw forbidden(`${info.parentType.name}.${info.fieldName}: analysts see de-identified data`);
    return null;
  }
  return next();
};
