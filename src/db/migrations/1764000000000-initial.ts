import { Table, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner, TableColumnOptions } from "typeorm";

/*
 * Written with TypeORM's schema-builder API rather than SQL so that one migration serves SQLite and
 * PostgreSQL. tests/database/migrations.test.ts checks that the migrated schema equals the entities.
 */

const id: TableColumnOptions = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" };
const col = (name: string, type: string, isNullable = false, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type, isNullable, ...extra });
const varchar = (name: string, isNullable = false) => col(name, "varchar", isNullable);
const integer = (name: string, isNullable = false) => col(name, "integer", isNullable);
const double = (name: string, isNullable = false) => col(name, "double precision", isNullable);
const date = (name: string, isNullable = false) => col(name, "date", isNullable);
const boolean = (name: string) => col(name, "boolean");
const json = (name: string) => col(name, "text");

const references = (column: string, table: string) =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ["id"], onDelete: "RESTRICT", onUpdate: "NO ACTION" });
const index = (columns: string[], isUnique = false) => new TableIndex({ columnNames: columns, isUnique });

const TABLES: Table[] = [
  new Table({
    name: "study",
    columns: [id, col("code", "varchar", false, { isUnique: true }), varchar("title"), varchar("registryId", true), varchar("phase", true), varchar("sponsor", true), col("description", "text", true)],
  }),
  new Table({
    name: "site",
    columns: [id, integer("studyId"), varchar("code"), varchar("name"), varchar("city", true)],
    foreignKeys: [references("studyId", "study")],
    indices: [index(["studyId", "code"], true)],
  }),
  new Table({
    name: "cohort",
    columns: [id, integer("studyId"), varchar("code"), varchar("name"), varchar("diseaseId"), json("regimen"), integer("plannedSize", true)],
    foreignKeys: [references("studyId", "study")],
    indices: [index(["studyId", "code"], true)],
  }),
  new Table({
    name: "planned_visit",
    columns: [
      id, integer("cohortId"), varchar("code"), varchar("label"), integer("studyDay"), integer("windowBefore"), integer("windowAfter"),
      boolean("isBaseline"), boolean("clinicalEvaluation"), boolean("immunomonitoring"),
    ],
    foreignKeys: [references("cohortId", "cohort")],
    indices: [index(["cohortId", "code"], true)],
  }),
  new Table({
    name: "patient",
    columns: [
      id, integer("studyId"), integer("cohortId"), integer("siteId"), varchar("subjectCode"), varchar("sex"), integer("yearOfBirth", true),
      integer("ageAtInclusion", true), date("inclusionDate", true), date("treatmentStartDate", true), varchar("status"), date("statusDate", true),
      varchar("statusReason", true), double("diseaseDurationYears", true),
    ],
    foreignKeys: [references("studyId", "study"), references("cohortId", "cohort"), references("siteId", "site")],
    indices: [index(["studyId", "subjectCode"], true), index(["cohortId"]), index(["siteId"])],
  }),
  new Table({
    name: "visit",
    columns: [id, integer("patientId"), integer("plannedVisitId", true), date("visitDate"), integer("studyDay", true), boolean("outOfWindow"), varchar("state")],
    foreignKeys: [references("patientId", "patient"), references("plannedVisitId", "planned_visit")],
    indices: [index(["patientId", "visitDate"]), index(["plannedVisitId"])],
  }),
  new Table({
    name: "dose_administration",
    columns: [
      id, integer("patientId"), integer("visitId", true), date("administeredOn"), integer("studyDay", true), double("dose"), varchar("doseUnit"),
      varchar("route"), varchar("lot", true), boolean("given"), varchar("notGivenReason", true),
    ],
    foreignKeys: [references("patientId", "patient"), references("visitId", "visit")],
    indices: [index(["patientId", "administeredOn"])],
  }),
  new Table({
    name: "concomitant_medication",
    columns: [
      id, integer("patientId"), varchar("drug"), double("dose", true), varchar("doseUnit", true), varchar("frequency", true), varchar("route", true),
      varchar("indication", true), date("startDate", true), date("stopDate", true),
    ],
    foreignKeys: [references("patientId", "patient")],
    indices: [index(["patientId"])],
  }),
  new Table({
    name: "immune_parameter",
    columns: [
      id, col("code", "varchar", false, { isUnique: true }), varchar("label"), varchar("population"), varchar("gatingDefinition"),
      varchar("parentPopulation", true), varchar("statistic"), varchar("marker", true), varchar("unit"),
    ],
  }),
  new Table({
    name: "immune_measurement",
    columns: [id, integer("visitId"), integer("patientId"), integer("parameterId"), double("value", true), varchar("unit"), boolean("belowDetectionLimit"), double("detectionLimit", true)],
    foreignKeys: [references("visitId", "visit"), references("patientId", "patient"), references("parameterId", "immune_parameter")],
    indices: [index(["visitId", "parameterId"], true), index(["parameterId", "patientId"])],
  }),
  new Table({
    name: "lab_result",
    columns: [
      id, integer("visitId"), integer("patientId"), varchar("testCode"), double("value", true), varchar("unit"), double("referenceLow", true),
      double("referenceHigh", true), boolean("belowDetectionLimit"),
    ],
    foreignKeys: [references("visitId", "visit"), references("patientId", "patient")],
    indices: [index(["visitId", "testCode"], true), index(["testCode", "patientId"])],
  }),
  new Table({
    name: "clinical_assessment",
    columns: [id, integer("visitId"), integer("patientId"), varchar("instrumentCode"), json("inputs"), double("score", true), varchar("category", true), json("components"), varchar("calculatorVersion")],
    foreignKeys: [references("visitId", "visit"), references("patientId", "patient")],
    indices: [index(["visitId", "instrumentCode"], true), index(["instrumentCode", "patientId"])],
  }),
  new Table({
    name: "adverse_event",
    columns: [
      id, integer("patientId"), integer("visitId", true), varchar("term"), varchar("meddraCode", true), varchar("meddraVersion", true), integer("grade"),
      varchar("ctcaeVersion"), boolean("serious"), varchar("relatedness"), date("onsetDate"), date("resolutionDate", true), varchar("outcome"), varchar("actionTaken"),
    ],
    foreignKeys: [references("patientId", "patient"), references("visitId", "visit")],
    indices: [index(["patientId"])],
  }),
];

export class Initial1764000000000 implements MigrationInterface {
  name = "Initial1764000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, false, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name);
  }
}
