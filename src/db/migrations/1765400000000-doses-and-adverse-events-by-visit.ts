import { TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLES = ["dose_administration", "adverse_event"] as const;

/**
 * Doses and adverse events by visit: the timeline's visits list their doses and adverse events with
 * `visitId IN (…)`, which no index served, so one patient's timeline scanned both tables and grew with
 * the trial (see docs/benchmarks.md, "Indexes").
 */
export class DosesAndAdverseEventsByVisit1765400000000 implements MigrationInterface {
  name = "DosesAndAdverseEventsByVisit1765400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createIndex(table, new TableIndex({ columnNames: ["visitId"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      const index = (await queryRunner.getTable(table))!.indices.find((i) => !i.isUnique && i.columnNames.join() === "visitId")!;
      await queryRunner.dropIndex(table, index);
    }
  }
}
