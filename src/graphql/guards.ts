import { defaultFieldResolver, isNonNullType, isObjectType } from "graphql";
import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from "graphql";
import { forbidden, unauthenticated } from "../errors";
import { hiddenFromAnalysts } from "../modules/access/deidentified";
import type { Context } from "./context";

/*
 * The guards wrap the resolvers of the fields that need them, decided once when the schema is built,
 * instead of running as middleware on every field of every answer: a timeline or an overview resolves
 * tens of thousands of fields, of which only the root fields can need sign-in and only a few dozen kinds
 * can be hidden from analysts.
 */

type Resolver = GraphQLFieldResolver<unknown, Context>;

/** Root fields open to callers who have not signed in. */
const PUBLIC_ROOT_FIELDS = new Set(["signIn"]);

/** Every query and mutation but sign-in needs a signed-in caller: checked once per root field. */
function requireSignIn(resolve: Resolver): Resolver {
  return (root, args, context, info) => {
    if (!context.access.authenticated) throw unauthenticated("Sign in first: send `Authorization: Bearer <token>` (the signIn mutation returns one)");
    return resolve(root, args, context, info);
  };
}

/**
 * Analysts see de-identified data: a field the declaration (modules/access/deidentified.ts) hides comes
 * back null, and where the schema promises a value (their statistics) the field is refused with
 * FORBIDDEN. The field's own resolver does not run for them.
 */
function deidentifyForAnalysts(type: string, field: GraphQLField<unknown, Context>, resolve: Resolver): Resolver {
  const refusal = isNonNullType(field.type) ? `${type}.${field.name}: analysts see de-identified data` : undefined;
  return (root, args, context, info) => {
    if (!context.access.deidentified) return resolve(root, args, context, info);
    if (refusal !== undefined) throw forbidden(refusal);
    return null;
  };
}

/**
 * Installs the guards on the built schema, in place: de-identification on every field analysts can be
 * denied (of every object type, root types included), then sign-in around every root field but the public
 * ones, so that sign-in is checked first. Introspection's own fields are not touched.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((type) => type != null));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, Context>[]) {
      if (hiddenFromAnalysts(type.name, field.name, field.type)) field.resolve = deidentifyForAnalysts(type.name, field, field.resolve ?? defaultFieldResolver);
      if (roots.has(type) && !PUBLIC_ROOT_FIELDS.has(field.name)) field.resolve = requireSignIn(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
