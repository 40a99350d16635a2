import { buildSchema as schemaFromSdl, isObjectType } from "graphql";
import type { GraphQLField, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { hiddenFromAnalysts } from "../modules/access/deidentified";
import { guardFields } from "./guards";
import { buildBasketSchema } from "./schema";

const SIGNED_OUT = { access: { authenticated: false, deidentified: false } };
const ANALYST = { access: { authenticated: true, deidentified: true } };
const DATA_MANAGER = { access: { authenticated: true, deidentified: false } };
/** A record whose every property is identifying text: what a resolver left unguarded would give away. */
const IDENTIFYING = new Proxy({}, { get: () => "Jane Doe, Lyon" });

type Field = GraphQLField<unknown, unknown>;
const objectTypes = (schema: GraphQLSchema) => Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__"));
const fieldsOf = (type: GraphQLObjectType) => Object.values(type.getFields()) as Field[];

/** Runs a field's resolver as graphql-js would (the default resolver where it has none), a throw becoming a rejection. */
async function resolve(type: GraphQLObjectType, field: Field, root: unknown, context: unknown): Promise<unknown> {
  const info = { fieldName: field.name, parentType: type, returnType: field.type } as unknown as GraphQLResolveInfo;
  return (field.resolve ?? ((source: any) => source[field.name]))(root, {}, context, info);
}

describe("the guards installed on the schema's fields", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBasketSchema(plugins);
  });

  it("refuse every query and mutation but signIn to a caller who has not signed in, before the resolver runs", async () => {
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    const guarded = roots.flatMap((type) => fieldsOf(type).filter((field) => field.name !== "signIn").map((field) => [type, field] as const));
    expect(guarded.length).toBeGreaterThan(40);
    for (const [type, field] of guarded) {
      await expect(resolve(type, field, undefined, SIGNED_OUT), `${type.name}.${field.name}`).rejects.toMatchObject({
        message: "Sign in first: send `Authorization: Bearer <token>` (the signIn mutation returns one)",
        extensions: { code: "UNAUTHENTICATED" },
      });
    }
  });

  it("give analysts null, or FORBIDDEN where the schema promises a value, on every field they can be denied", async () => {
    const hidden = objectTypes(schema).flatMap((type) => fieldsOf(type).filter((field) => hiddenFromAnalysts(type.name, field.name, field.type)).map((field) => [type, field] as const));
    const names = hidden.map(([type, field]) => `${type.name}.${field.name}`);
    expect(names).toEqual(expect.arrayContaining(["ConcomitantMedication.drug", "Study.lockReason", "AdverseEvent.term", "AuditEvent.oldValue", "AdverseEventGroupKey.term"]));
    for (const [type, field] of hidden) {
      const answer = resolve(type, field, IDENTIFYING, ANALYST);
      if (field.type.toString().endsWith("!")) await expect(answer, `${type.name}.${field.name}`).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
      else expect(await answer, `${type.name}.${field.name}`).toBeNull();
    }
  });

  it("hide a String field nobody declared (free text until declared), and only from analysts", async () => {
    const grown = guardFields(schemaFromSdl(`type Query { patient: Patient } type Patient { nickname: String age: Int }`));
    const patient = grown.getType("Patient") as GraphQLObjectType;
    const { nickname, age } = patient.getFields() as Record<string, Field>;
    expect(await resolve(patient, nickname, { nickname: "Jo" }, ANALYST)).toBeNull();
    expect(await resolve(patient, nickname, { nickname: "Jo" }, DATA_MANAGER)).toBe("Jo");
    expect(await resolve(patient, age, { age: 41 }, ANALYST)).toBe(41);
    await expect(resolve(grown.getQueryType()!, grown.getQueryType()!.getFields().patient as Field, {}, SIGNED_OUT)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });
});
