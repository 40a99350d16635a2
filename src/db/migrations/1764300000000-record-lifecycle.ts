import { Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/** Every clinical table: each gets a version for optimistic concurrency. */
const VERSIONED = ["patient", "visit", "dose_administration", "concomitant_medication", "immune_measurement", "lab_result", "clinical_assessment", "adverse_event"];
/** Tables whose rows are removed with a reason instead of deleted (all but patient, which is withdrawn). */
const REMOVABLE = VERSIONED.filter((table) => table !== "patient");
/** Unique per visit among the records still part of the data, so a removed record can be entered again. */
const UNIQUE_PER_VISIT: Record<string, string[]> = {
  immune_measurement: ["visitId", "parameterId"],
  lab_result: ["visitId", "testCode"],
  clinical_assessment: ["visitId", "instrumentCode"],
};
const LIVE = `"removedAt" IS NULL`;

/**
 * The record lifecycle: versions, removal with a reason, the visit lifecycle (performed flag,
 * signatures) and the study lock. Visits formerly NOT_DONE become COMPLETE visits not performed.
 */
export class RecordLifecycle1764300000000 implements MigrationInterface {
  name = "RecordLifecycle1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    const timestamp = postgres ? "timestamp" : "datetime";
    for (const table of VERSIONED) {
      const columns = [new TableColumn({ name: "version", type: "integer", default: 1 })];
      if (REMOVABLE.includes(table)) {
        columns.push(new TableColumn({ name: "removedAt", type: timestamp, isNullable: true }), new TableColumn({ name: "removalReason", type: "varchar", isNullable: true }));
      }
      if (table === "visit") columns.push(new TableColumn({ name: "performed", type: "boolean", default: postgres ? true : 1 }));
      await queryRunner.addColumns(table, columns);
    }
    await queryRunner.query(`UPDATE "visit" SET "performed" = ${postgres ? "false" : "0"}, "state" = 'COMPLETE' WHERE "state" = 'NOT_DONE'`);
    for (const [table, columnNames] of Object.entries(UNIQUE_PER_VISIT)) {
      const existing = (await queryRunner.getTable(table))!.indices.find((i) => i.isUnique && i.columnNames.join() === columnNames.join())!;
      await queryRunner.dropIndex(table, existing);
      await queryRunner.createIndex(table, new TableIndex({ columnNames, isUnique: true, where: LIVE }));
    }
    await queryRunner.addColumns("study", [
      new TableColumn({ name: "lockedAt", type: "varchar", isNullable: true }),
      new TableColumn({ name: "lockReason", type: "varchar", isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: "visit_signature",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "visitId", type: "integer" },
          { name: "signerId", type: "integer" },
          { name: "signerName", type: "varchar" },
          { name: "signerUsername", type: "varchar" },
          { name: "signedAt", type: "varchar" },
          { name: "meaning", type: "varchar" },
          { name: "contentHash", type: "varchar" },
          { name: "voidedAt", type: "varchar", isNullable: true },
          { name: "voidReason", type: "varchar", isNullable: true },
        ],
        indices: [new TableIndex({ columnNames: ["visitId"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["visitId"], referencedTableName: "visit", referencedColumnNames: ["id"], onDelete: "RESTRICT" }),
          new TableForeignKey({ columnNames: ["signerId"], referencedTableName: "app_user", referencedColumnNames: ["id"], onDelete: "RESTRICT" }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    await queryRunner.dropTable("visit_signature");
    await queryRunner.dropColumns("study", ["lockedAt", "lockReason"]);
    for (const [table, columnNames] of Object.entries(UNIQUE_PER_VISIT)) {
      const partial = (await queryRunner.getTable(table))!.indices.find((i) => i.isUnique && i.columnNames.join() === columnNames.join())!;
      await queryRunner.dropIndex(table, partial);
      await queryRunner.createIndex(table, new TableIndex({ columnNames, isUnique: true }));
    }
    await queryRunner.query(`UPDATE "visit" SET "state" = 'NOT_DONE' WHERE "performed" = ${postgres ? "false" : "0"}`);
    await queryRunner.query(`UPDATE "visit" SET "state" = 'COMPLETE' WHERE "state" IN ('SIGNED', 'LOCKED')`);
    for (const table of VERSIONED) {
      const columns = ["version", ...(REMOVABLE.includes(table) ? ["removedAt", "removalReason"] : []), ...(table === "visit" ? ["performed"] : [])];
      await queryRunner.dropColumns(table, columns);
    }
  }
}
