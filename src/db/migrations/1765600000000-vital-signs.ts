import { Table, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner, TableColumnOptions } from "typeorm";

const column = (name: string, type: "integer" | "double precision" | "varchar", isNullable: boolean, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type,
  isNullable,
  ...extra,
});
const references = (columnName: string, table: string) =>
  new TableForeignKey({ columnNames: [columnName], referencedTableName: table, referencedColumnNames: ["id"], onDelete: "RESTRICT", onUpdate: "NO ACTION" });

/**
 * Vital signs (CDISC VS): one form per visit with weight, height, blood pressure, heart rate and
 * temperature, each nullable (a measure not taken). Unique per visit among the records still part of
 * the data, so removed vital signs can be entered again; indexed by patient for a patient's list.
 */
export class VitalSigns1765600000000 implements MigrationInterface {
  name = "VitalSigns1765600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    await queryRunner.createTable(
      new Table({
        name: "vital_signs",
        columns: [
          column("id", "integer", false, { isPrimary: true, isGenerated: true, generationStrategy: "increment" }),
          column("visitId", "integer", false),
          column("patientId", "integer", false),
          column("weightKg", "double precision", true),
          column("heightCm", "double precision", true),
          column("systolicBp", "integer", true),
          column("diastolicBp", "integer", true),
          column("heartRate", "integer", true),
          column("temperatureC", "double precision", true),
          column("version", "integer", false, { default: 1 }),
          { name: "removedAt", type: postgres ? "timestamp" : "datetime", isNullable: true },
          column("removalReason", "varchar", true),
        ],
        foreignKeys: [references("visitId", "visit"), references("patientId", "patient")],
        indices: [
          new TableIndex({ columnNames: ["visitId"], isUnique: true, where: `"removedAt" IS NULL` }),
          new TableIndex({ columnNames: ["patientId"] }),
        ],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("vital_signs");
  }
}
