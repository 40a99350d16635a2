import type { MiddlewareFn } from "type-graphql";
import { getNamedType, isNonNullType } from "graphql";
import { forbidden, unauthenticated } from "../errors";
import { analystDecision } from "../modules/access/deidentified";
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
 * Analysts see de-identified data: the fields the declaration (modules/access/deidentified.ts) hides
 * come back null, and where the schema promises a value (their statistics) the field is refused with
 * FORBIDDEN. A String field the declaration does not list is treated as free text: hidden (fails closed).
 */
export const deidentifyForAnalysts: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (context.access.deidentified) {
    const decision = analystDecision(info.parentType.name, info.fieldName)?.analysts ?? (getNamedType(info.returnType).name === "String" ? "null" : "kept");
    if (decision === "null") {
      if (isNonNullType(info.returnType)) throw forbidden(`${info.parentType.name}.${info.fieldName}: analysts see de-identified data`);
      return null;
    }
  }
  return next();
};
