import { BooleanFilter, FloatFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { scalarCondition } from "../../graphql/views/sql-condition";
import { ANALYSTS } from "../access/deidentified";
import { defineRecordKind, PLANNED_VISIT_DIMENSION } from "../records/record-kind";
import { ImmuneMeasurement } from "./immune-measurement.entity";
import { ImmuneParameter } from "./immune-parameter.entity";
import { buildImmuneMeasurement, RecordImmuneMeasurementInput } from "./record-immune-measurement";
import { ImmuneMeasurementResolver } from "./immune-measurement.resolver";

/** Immunomonitoring values: one per catalogue parameter and visit. */
export const immuneMeasurementKind = defineRecordKind({
  name: "ImmuneMeasurement",
  entity: ImmuneMeasurement,
  alias: "measurement",
  noun: "immunomonitoring values",
  visitContent: true,
  uniqueWithin: ["visitId", "parameterId"],
  filter: {
    description: "Filter on immunomonitoring values.",
    fields: {
      parameter: {
        type: StringFilter,
        description: 'Catalogue code of the parameter, e.g. { eq: "TREG_PCT_CD4" }.',
        // The code lives in the catalogue: compared there, so the list stays one statement.
        condition: (filter, params, alias, field) =>
          `"${alias}"."parameterId" IN (SELECT "ip"."id" FROM "immune_parameter" "ip" WHERE ${scalarCondition('"ip"."code"', filter, params, field)})`,
      },
      value: { type: FloatFilter },
      belowDetectionLimit: { type: BooleanFilter },
    },
    through: ["visit", "patient"],
    onPatient: {
      field: "immuneMeasurements",
      description: 'e.g. some: { parameter: { eq: "TREG_PCT_CD4" }, visit: { plannedVisit: { code: { eq: "D8" } } }, value: { gt: 8 } }',
    },
  },
  order: { fields: { VALUE: "value", RECORDED: "id" }, default: "RECORDED", description: "RECORDED: order of entry." },
  stats: { value: "value" },
  lists: {
    root: { field: "immuneMeasurements", description: "Immunomonitoring values of all patients, filtered, ordered and paged." },
    visit: { field: "immuneMeasurements", description: "Immunomonitoring values of this visit." },
    patient: { field: "immuneMeasurements", description: 'Immunomonitoring values, e.g. where: { parameter: { eq: "TREG_PCT_CD4" } }.' },
  },
  groups: {
    field: "immuneMeasurementGroups",
    description: "Immune values summarised per parameter, visit, disease, cohort or site, e.g. mean Treg % of CD4 per disease at each visit.",
    dimensions: {
      PARAMETER: {
        description: "Immune parameter code",
        joins: (alias) => [{ entity: ImmuneParameter, alias: "g_parameter", on: `"g_parameter"."id" = "${alias}"."parameterId"` }],
        sql: () => `"g_parameter"."code"`,
      },
      VISIT: PLANNED_VISIT_DIMENSION,
    },
  },
  resolvers: [ImmuneMeasurementResolver],
  analysts: { unit: ANALYSTS.catalogue },
  write: {
    mutation: "ImmuneMeasurement",
    input: RecordImmuneMeasurementInput,
    opens: (input) => ({ target: { visitId: input.visitId }, options: { adding: true } }),
    build: (manager, input, { replacing, guarded }) => buildImmuneMeasurement(manager, input, replacing, guarded),
  },
});
