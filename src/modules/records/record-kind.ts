import { Field, InputType, registerEnumType } from "type-graphql";
import type { ClassType } from "type-graphql";
import { getMetadataArgsStorage } from "typeorm";
import type { EntityManager } from "typeorm";
import { toMany, toOne } from "../../graphql/views/compile-where";
import type { WhereField, WhereSpec } from "../../graphql/views/compile-where";
import { connectionType } from "../../graphql/views/connection-type";
import type { ConnectionClass } from "../../graphql/views/connection-type";
import type { GroupDimension } from "../../graphql/views/group-query";
import { groupTypes } from "../../graphql/views/group-type";
import type { ListSpec, OrderInput } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType, relationFilterType } from "../../graphql/views/relation-types";
import { extendWhere, whereSpec } from "../../graphql/views/where-specs";
import type { PluginRegistry } from "../../plugins/registry";
import { declareAnalystView, RECORD_DECISIONS } from "../access/deidentified";
import type { AnalystDecision } from "../access/deidentified";
import { SHARED_DIMENSION_DESCRIPTIONS, patientRecordDimensions, visitDimension } from "../group-dimensions";
import { PatientWhere, patientWhereSpec } from "../patients/patient-list";
import { VisitWhere, visitWhereSpec } from "../visits/visit-list";
import type { GuardedRows, WriteOptions, WriteTarget } from "./write-guard";
import type { ClinicalRow } from "./record-kinds";
import { assertNewKindName, registerLifecycleKind } from "./record-kinds";

/** One field of a kind's `…Where` input: its filter type, and the column it compares (or its own SQL). */
export interface FilterDeclaration {
  type: ClassType | object;
  description?: string;
  /** The column compared, when not the field's name. */
  column?: string;
  /** SQL of its own, for a field that is not a column of the kind's table (an immune parameter's code). */
  condition?: Extract<WhereField, { condition: unknown }>["condition"];
}

/** A group-by dimension particular to the kind: SQL over the kind's alias, or the planned visit. */
export type DimensionDeclaration = { description: string } & ({ sql: (alias: string) => string; joins?: (alias: string) => GroupDimension["joins"] } | { visit: true });

/** The planned visit of a visit record, as a group-by dimension (in study-day order). */
export const PLANNED_VISIT_DIMENSION: DimensionDeclaration = { description: "Planned visit code, in study-day order", visit: true };

export interface WriteContext {
  registry: PluginRegistry;
  /** The id of the record a correction replaces: it does not count as a duplicate of itself. */
  replacing?: number;
  /** The patient and visit the write guard read for the ids the input names, to be reused, not read again. */
  guarded?: GuardedRows;
}

/** A list field placed under a patient or a visit. */
export interface NestedList {
  field: string;
  description: string;
}

/**
 * Everything particular to one kind of clinical record. The core derives the rest from it: the
 * `…Where`, `…Order` and connection types, the root, nested and group-by lists, the record and
 * correct mutations (guarded, audited, moving the visit to its next version), removal and restore,
 * signed visit content and what analysts see. Site scope is the entity's own `@ScopeRule`.
 */
export interface RecordKindDeclaration<E extends ClinicalRow, I extends object> {
  /** The GraphQL type, global id and audit name of the record. */
  name: string;
  entity: ClassType<E>;
  /** Prefix of the list's input types (`…Where`, `…Order`), when not `name`. */
  listName?: string;
  /** The records' table alias in list SQL. */
  alias: string;
  /** Plural noun for descriptions: "laboratory results". */
  noun: string;
  /** Part of its visit's signed content, rather than a patient-level log. */
  visitContent: boolean;
  /** Columns unique among a visit's records still part of the data: a restore must not duplicate one. */
  uniqueWithin?: string[];

  filter: {
    description: string;
    fields: Record<string, FilterDeclaration>;
    /** Filters through the record's visit and patient (`visit: { … }`, `patient: { … }`). */
    through: Array<"visit" | "patient">;
    /** A `some/every/none` filter on patients through this kind. */
    onPatient?: { field: string; description?: string };
  };
  order: { fields: Record<string, string>; default: string; description?: string };
  /** Numeric fields offered in aggregates and groups: GraphQL name → column. */
  stats: Record<string, string>;
  /** The list of all patients' records (`root`), and the lists under a visit and under a patient. */
  lists: { root?: NestedList; visit?: NestedList; patient?: NestedList };
  groups?: { field: string; description: string; dimensions: Record<string, DimensionDeclaration> };
  /** What analysts see of the record's String fields; `removalReason` is hidden on every kind. */
  analysts: Record<string, AnalystDecision>;
  /** The kind's own resolvers, for what is particular to it (a lab result's test, a form's BMI). */
  resolvers?: Function[];

  write: {
    /** `record<mutation>` and `correct<mutation>`. */
    mutation: string;
    input: ClassType<I>;
    recordDescription?: string;
    correctDescription?: string;
    /** What the write guard checks: the parent the input names, and how. */
    opens: (input: I) => { target: WriteTarget; options?: WriteOptions };
    /** Validates the input and returns the record it describes, unsaved (entry and correction alike). */
    build: (manager: EntityManager, input: I, context: WriteContext) => Promise<E>;
  };
}

/** A declared kind with the types and SQL derived from it. */
export interface RecordKind<E extends ClinicalRow = ClinicalRow, I extends object = any> extends RecordKindDeclaration<E, I> {
  Where: ClassType;
  whereSpec: WhereSpec;
  RelationFilter: ClassType;
  Order: ClassType<OrderInput>;
  listSpec: ListSpec<E>;
  Connection: ConnectionClass<E>;
  groupTypes?: ReturnType<typeof groupTypes>;
  dimensions?: Record<string, GroupDimension>;
}

/** A kind of any record type, as lists of kinds hold them. */
export type AnyRecordKind = RecordKind<any, any>;

/** A named class, so that type-graphql and stack traces show `LabResultWhere`. */
function namedClass(name: string): ClassType {
  return { [name]: class {} }[name];
}

function deriveWhere(declaration: RecordKindDeclaration<ClinicalRow, object>, prefix: string) {
  const Where = namedClass(`${prefix}Where`);
  const spec: WhereSpec = {};
  const field = (name: string, type: () => unknown, description?: string) => Field(type as () => ClassType, { nullable: true, description })(Where.prototype, name);
  for (const [name, filter] of Object.entries(declaration.filter.fields)) {
    field(name, () => filter.type, filter.description);
    spec[name] = filter.condition ? { condition: filter.condition } : { column: filter.column ?? name };
  }
  if (declaration.filter.through.includes("visit")) {
    field("visit", () => VisitWhere);
    spec.visit = toOne("visit", "visitId", () => visitWhereSpec);
  }
  if (declaration.filter.through.includes("patient")) {
    field("patient", () => PatientWhere);
    spec.patient = toOne("patient", "patientId", () => patientWhereSpec);
  }
  field("and", () => [Where]);
  field("or", () => [Where]);
  field("not", () => Where);
  InputType(`${prefix}Where`, { description: declaration.filter.description })(Where);
  whereSpec(Where, spec as never);
  return { Where, spec };
}

function deriveDimensions(declared: Record<string, DimensionDeclaration>, alias: string) {
  const dimensions: Record<string, GroupDimension> = { ...patientRecordDimensions(alias) };
  const descriptions: Record<string, string> = { ...SHARED_DIMENSION_DESCRIPTIONS };
  for (const [name, dimension] of Object.entries(declared)) {
    dimensions[name] = "visit" in dimension ? visitDimension(alias) : { joins: dimension.joins?.(alias) ?? [], expression: dimension.sql(alias) };
    descriptions[name] = dimension.description;
  }
  return { dimensions, descriptions };
}

/**
 * Declares a kind of clinical record (see src/modules/records/README.md). Called once per kind, at
 * module load: the derived GraphQL types register then, and the patients' filter gains the kind's
 * relation filter. `src/modules/record-kinds.ts` lists the declared kinds; the schema, the entities,
 * the record lifecycle and the site-isolation test all read that list.
 */
export function defineRecordKind<E extends ClinicalRow, I extends object>(declaration: RecordKindDeclaration<E, I>): RecordKind<E, I> {
  assertNewKindName(declaration.name);
  const prefix = declaration.listName ?? declaration.name;
  const { Where, spec } = deriveWhere(declaration as unknown as RecordKindDeclaration<ClinicalRow, object>, prefix);
  const RelationFilter = relationFilterType(Where, prefix);

  const OrderField = Object.fromEntries(Object.keys(declaration.order.fields).map((key) => [key, key]));
  registerEnumType(OrderField, { name: `${prefix}OrderField`, description: declaration.order.description });
  const Order = orderType(OrderField, prefix);

  const listSpec: ListSpec<E> = {
    entity: declaration.entity,
    alias: declaration.alias,
    where: spec,
    order: Object.fromEntries(Object.entries(declaration.order.fields).map(([key, column]) => [key, { column }])),
    defaultOrder: [{ field: declaration.order.default, direction: OrderDirection.ASC }],
    stats: declaration.stats,
  };
  const Connection = connectionType(declaration.name, declaration.entity, Object.keys(declaration.stats), declaration.noun);

  let groups: Pick<RecordKind, "groupTypes" | "dimensions"> = {};
  const analystViews: Record<string, Record<string, AnalystDecision>> = {
    [declaration.name]: { ...declaration.analysts, removalReason: RECORD_DECISIONS.reason },
    [`${declaration.name}Edge`]: { cursor: RECORD_DECISIONS.cursor },
  };
  if (declaration.groups) {
    const { dimensions, descriptions } = deriveDimensions(declaration.groups.dimensions, declaration.alias);
    groups = { dimensions, groupTypes: groupTypes(declaration.name, descriptions, Object.keys(declaration.stats)) };
    analystViews[`${declaration.name}GroupKey`] = groupKeyDecisions(Object.keys(descriptions), declaration.analysts);
  }
  for (const [type, decisions] of Object.entries(analystViews)) declareAnalystView(type, decisions);

  const onPatient = declaration.filter.onPatient;
  if (onPatient) extendWhere(PatientWhere, patientWhereSpec, onPatient.field, () => RelationFilter, toMany(tableOf(declaration.entity), "patientId", () => spec, true), onPatient.description);

  const kind: RecordKind<E, I> = { ...declaration, Where, whereSpec: spec, RelationFilter, Order, listSpec, Connection, ...groups };
  registerLifecycleKind(kind as unknown as RecordKind);
  return kind;
}

/** A group key shows codes and enum values; one the record hides (a verbatim term) stays hidden. */
function groupKeyDecisions(dimensions: string[], analysts: Record<string, AnalystDecision>): Record<string, AnalystDecision> {
  const camel = (name: string) => name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(dimensions.map((d) => [camel(d), analysts[camel(d)]?.analysts === "null" ? analysts[camel(d)] : RECORD_DECISIONS.groupKey]));
}

/** The table of a TypeORM entity class, from its `@Entity(name)`. */
function tableOf(entity: Function): string {
  const table = getMetadataArgsStorage().tables.find((t) => t.target === entity);
  if (!table?.name) throw new Error(`${entity.name} has no @Entity name`);
  return table.name;
}
