import { TableColumn } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/** Which stored lab results the lab-fed inputs of an assessment were taken from (input name → lab result id). */
export class AssessmentLabSources1764560000000 implements MigrationInterface {
  name = "AssessmentLabSources1764560000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("clinical_assessment", new TableColumn({ name: "labSources", type: "text", isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("clinical_assessment", "labSources");
  }
}
