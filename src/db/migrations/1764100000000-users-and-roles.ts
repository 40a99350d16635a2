import { Table, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

const references = (column: string, table: string) =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ["id"], onDelete: "RESTRICT", onUpdate: "NO ACTION" });

export class UsersAndRoles1764100000000 implements MigrationInterface {
  name = "UsersAndRoles1764100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.driver.options.type === "postgres" ? "timestamp" : "datetime";
    await queryRunner.createTable(
      new Table({
        name: "app_user",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "username", type: "varchar", isUnique: true },
          { name: "displayName", type: "varchar" },
          { name: "passwordHash", type: "varchar" },
          { name: "active", type: "boolean" },
          { name: "createdAt", type: timestamp, default: queryRunner.connection.driver.options.type === "postgres" ? "now()" : "datetime('now')" },
        ],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: "role_assignment",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "userId", type: "integer" },
          { name: "studyId", type: "integer" },
          { name: "role", type: "varchar" },
          { name: "siteId", type: "integer", isNullable: true },
          { name: "expiresOn", type: "date", isNullable: true },
        ],
        foreignKeys: [references("userId", "app_user"), references("studyId", "study"), references("siteId", "site")],
        indices: [new TableIndex({ columnNames: ["userId"] })],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("role_assignment");
    await queryRunner.dropTable("app_user");
  }
}
