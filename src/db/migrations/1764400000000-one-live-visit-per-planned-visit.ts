import { TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

const INDEX = new TableIndex({ columnNames: ["patientId", "plannedVisitId"], isUnique: true, where: `"removedAt" IS NULL` });

/**
 * A patient has at most one live visit per planned visit (unscheduled visits, with no planned visit,
 * are not limited). The service checks it before writing; the index makes two concurrent writers
 * unable to both pass that check.
 */
export class OneLiveVisitPerPlannedVisit1764400000000 implements MigrationInterface {
  name = "OneLiveVisitPerPlannedVisit1764400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex("visit", INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const index = (await queryRunner.getTable("visit"))!.indices.find((i) => i.isUnique && i.columnNames.join() === INDEX.columnNames.join())!;
    await queryRunner.dropIndex("visit", index);
  }
}
