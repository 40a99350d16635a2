import { Field, getMetadataStorage } from "type-graphql";
import type { ClassType } from "type-graphql";
import { GraphQLInputObjectType, getNamedType } from "graphql";
import type { GraphQLSchema } from "graphql";
import type { WhereField, WhereSpec } from "./compile-where";
import { isScalarOperator } from "./sql-condition";

/** The fields of every `…Where` input that compileWhere handles itself. */
const LOGICAL_FIELDS = ["and", "or", "not"] as const;

/** A WhereSpec for the filter input W: one entry for each of its fields but and/or/not, no more. */
export type WhereSpecOf<W> = { [K in Exclude<keyof W, (typeof LOGICAL_FIELDS)[number]>]-?: WhereField };

/** Each filter input with the spec that turns it into SQL, for checkWhereSpecs. */
const registered = new Map<Function, WhereSpec>();

/**
 * Declares how the filter input `input` becomes SQL. Typed so that a property of the input without
 * an entry does not compile; checkWhereSpecs compares the built schema with the spec as well.
 */
export function whereSpec<W extends object>(input: ClassType<W>, spec: WhereSpecOf<W>): WhereSpec {
  registered.set(input, spec);
  return spec;
}

/** The GraphQL name of an input class (its @InputType name, which may differ from the class's). */
function inputTypeName(input: Function): string {
  const declared = getMetadataStorage().inputTypes.find((type) => type.target === input);
  if (!declared) throw new Error(`${input.name} has a WhereSpec but is no @InputType`);
  return declared.name;
}

/**
 * Checks, when the schema is built, that every field of each filter input has its SQL: a spec entry
 * for each field (and no entry for a field the input lacks), and for a field compared on a column,
 * SQL for each operator of its filter type. A mismatch stops the service from starting, naming the
 * type and field, instead of failing (or filtering less than asked) at request time. Every `…Where`
 * input of the schema must have a spec.
 */
export function checkWhereSpecs(schema: GraphQLSchema, specs: ReadonlyMap<Function, WhereSpec> = registered): void {
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const [input, spec] of specs) {
    const name = inputTypeName(input);
    checked.add(name);
    const type = schema.getType(name);
    if (!(type instanceof GraphQLInputObjectType)) continue;
    const fields = type.getFields();
    for (const field of Object.keys(fields)) {
      if ((LOGICAL_FIELDS as readonly string[]).includes(field)) continue;
      const entry: WhereField | undefined = Object.hasOwn(spec, field) ? spec[field] : undefined;
      if (!entry) {
        problems.push(`${name}.${field} has no entry in its WhereSpec`);
        continue;
      }
      if (!("column" in entry)) continue;
      const filter = getNamedType(fields[field].type);
      if (!(filter instanceof GraphQLInputObjectType)) problems.push(`${name}.${field} compares a column but is not a filter input`);
      else for (const operator of Object.keys(filter.getFields())) if (!isScalarOperator(operator)) problems.push(`${name}.${field}: operator ${filter.name}.${operator} has no SQL`);
    }
    for (const key of Object.keys(spec)) if (!fields[key]) problems.push(`${name} has no field ${key}, which its WhereSpec maps`);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLInputObjectType && type.name.endsWith("Where") && !checked.has(type.name)) problems.push(`${type.name} has no WhereSpec`);
  }
  if (problems.length) throw new Error(`Filter inputs without SQL: ${problems.join("; ")}`);
}

/**
 * Adds a field to a filter input declared elsewhere, with its SQL: a kind of record gives the patients'
 * filter its relation filter, so the patients' module need not import every kind (nor they it, twice).
 */
export function extendWhere(input: ClassType, spec: WhereSpec, field: string, type: () => unknown, entry: WhereField, description?: string): void {
  if (Object.hasOwn(spec, field)) throw new Error(`${input.name}.${field} is declared twice`);
  Field(type as () => ClassType, { nullable: true, description })(input.prototype, field);
  spec[field] = entry;
}
