import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Account lockout and token revocation on `app_user`: the count of consecutive failed password
 * attempts (sign-in and signature), when the account was locked for them, and the time before which
 * its tokens are no longer accepted (set by a password change, a deactivation, a lockout or signing out).
 */
export class AccountLockoutAndTokenRevocation1765000000000 implements MigrationInterface {
  name = "AccountLockoutAndTokenRevocation1765000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD COLUMN "failedAttempts" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD COLUMN "lockedAt" varchar NULL`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD COLUMN "tokensValidAfter" varchar NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ["tokensValidAfter", "lockedAt", "failedAttempts"]) await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "${column}"`);
  }
}
