import { TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLES = ["immune_measurement", "lab_result"] as const;

/**
 * Immune values and lab results by patient: a patient's `immuneMeasurements` and `labResults` lists
 * select by patientId, which the existing indexes (by visit, and by parameter or test first) could not
 * serve, so one patient's page scanned the trial's largest tables (see docs/benchmarks.md, "Indexes").
 */
export class ImmuneValuesAndLabsByPatient1765300000000 implements MigrationInterface {
  name = "ImmuneValuesAndLabsByPatient1765300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createIndex(table, new TableIndex({ columnNames: ["patientId"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      const index = (await queryRunner.getTable(table))!.indices.find((i) => !i.isUnique && i.columnNames.join() === "patientId")!;
      await queryRunner.dropIndex(table, index);
    }
  }
}
