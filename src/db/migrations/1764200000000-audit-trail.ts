import { Table, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner, TableColumnOptions } from "typeorm";

const col = (name: string, type: string, isNullable = false): TableColumnOptions => ({ name, type, isNullable });

/**
 * The audit trail. Append-only is enforced by the database itself: triggers refuse UPDATE and DELETE
 * (and, on PostgreSQL, TRUNCATE) of audit_event whatever the client.
 */
export class AuditTrail1764200000000 implements MigrationInterface {
  name = "AuditTrail1764200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "audit_event",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          col("occurredAt", "varchar"),
          col("actorId", "integer", true),
          col("actorUsername", "varchar"),
          col("actorRoles", "text"),
          col("action", "varchar"),
          col("entityType", "varchar"),
          col("entityId", "varchar"),
          col("patientId", "integer", true),
          col("visitId", "integer", true),
          col("field", "varchar", true),
          col("oldValue", "text", true),
          col("newValue", "text", true),
          col("reason", "varchar", true),
          col("previousHash", "varchar"),
          col("hash", "varchar"),
        ],
        indices: [
          new TableIndex({ columnNames: ["patientId"] }),
          new TableIndex({ columnNames: ["visitId"] }),
          new TableIndex({ columnNames: ["entityType", "entityId"] }),
        ],
      }),
      false,
      true,
      true,
    );
    if (queryRunner.connection.driver.options.type === "postgres") {
      await queryRunner.query(`
        CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit trail is append-only';
        END
        $$`);
      await queryRunner.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
      await queryRunner.query(`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
      await queryRunner.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    } else {
      await queryRunner.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`);
      await queryRunner.query(`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the table drops its triggers; the PostgreSQL trigger function goes separately.
    await queryRunner.dropTable("audit_event");
    if (queryRunner.connection.driver.options.type === "postgres") await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
  }
}
