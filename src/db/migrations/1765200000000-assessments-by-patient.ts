import { TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

const INDEX = new TableIndex({ columnNames: ["patientId"] });

/**
 * Assessments by patient: the latest activity of a page of patients (cohort overview, patient lists)
 * reads the assessments of those patients, which without this index scanned the whole table, so a page
 * cost grew with the trial (see docs/benchmarks.md, "Indexes").
 */
export class AssessmentsByPatient1765200000000 implements MigrationInterface {
  name = "AssessmentsByPatient1765200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex("clinical_assessment", INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const index = (await queryRunner.getTable("clinical_assessment"))!.indices.find((i) => !i.isUnique && i.columnNames.join() === INDEX.columnNames.join())!;
    await queryRunner.dropIndex("clinical_assessment", index);
  }
}
