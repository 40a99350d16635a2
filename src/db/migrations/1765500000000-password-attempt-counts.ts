import type { MigrationInterface, QueryRunner } from "typeorm";

/** The table the password-attempt limits count in on PostgreSQL (see modules/access/password-attempts.ts). */
export const PASSWORD_ATTEMPT_TABLE = "password_attempt";

/**
 * PostgreSQL only: the table rate-limiter-flexible's RateLimiterPostgres reads and upserts — exactly the
 * columns its own CREATE TABLE makes (key varchar(255) primary key, points, expire in epoch
 * milliseconds), created here because the service role may not create tables. Every server process
 * counts in it, so the limits hold across processes. SQLite (one process) counts in memory.
 */
export class PasswordAttemptCounts1765500000000 implements MigrationInterface {
  name = "PasswordAttemptCounts1765500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== "postgres") return;
    await queryRunner.query(
      `CREATE TABLE "${PASSWORD_ATTEMPT_TABLE}" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== "postgres") return;
    await queryRunner.query(`DROP TABLE "${PASSWORD_ATTEMPT_TABLE}"`);
  }
}
