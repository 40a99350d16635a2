import type { DataSource } from "typeorm";
import { PASSWORD_ATTEMPT_TABLE } from "./migrations/1765500000000-password-attempt-counts";

/*
 * PostgreSQL deployments with two roles: the owner of the schema runs the migrations (DATABASE_MIGRATION_URL),
 * the service connects as a role that may read and write the data but may only INSERT and SELECT on
 * audit_event — it can neither change nor remove audit records, nor drop or disable the table's triggers
 * (only an owner can). See the README's Audit trail and Configuration sections.
 */

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a connection acts as. */
export async function currentRole(dataSource: DataSource): Promise<string> {
  const [{ role }] = await dataSource.query(`SELECT current_user AS role`);
  return role;
}

/**
 * Grants `role` what the service needs on the schema `owner` has just migrated, and no more: read,
 * insert and update on the data tables (DELETE only on role_assignment and on the password-attempt
 * counts, whose expired rows the limiter clears), INSERT and SELECT only on
 * audit_event, SELECT on the migrations table (to see that none is pending), and the sequences behind
 * generated ids. Run after every migration, as the owner: new tables get their grants too, and
 * privileges granted by hand beyond these are taken back.
 */
export async function grantServiceRole(owner: DataSource, role: string): Promise<void> {
  const who = quoteIdentifier(role);
  const [{ schema }] = await owner.query(`SELECT current_schema() AS schema`);
  const inSchema = quoteIdentifier(schema);
  await owner.transaction(async (manager) => {
    await manager.query(`GRANT USAGE ON SCHEMA ${inSchema} TO ${who}`);
    await manager.query(`REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${inSchema} FROM ${who}`);
    await manager.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${inSchema} TO ${who}`);
    // Clinical data is never deleted (records are marked removed); only a revoked role's assignment is.
    await manager.query(`GRANT DELETE ON role_assignment TO ${who}`);
    // The attempt limiter (RateLimiterPostgres) upserts counts and deletes those expired an hour ago.
    // A schema from before that table's migration has none to grant on.
    const [{ counts }] = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS counts`, [PASSWORD_ATTEMPT_TABLE]);
    if (counts) await manager.query(`GRANT DELETE ON ${quoteIdentifier(PASSWORD_ATTEMPT_TABLE)} TO ${who}`);
    await manager.query(`REVOKE ALL ON audit_event FROM ${who}`);
    await manager.query(`GRANT SELECT, INSERT ON audit_event TO ${who}`);
    await manager.query(`REVOKE ALL ON migrations FROM ${who}`);
    await manager.query(`GRANT SELECT ON migrations TO ${who}`);
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${inSchema} TO ${who}`);
  });
}

/**
 * Refuses to apply pending migrations as a role that does not own the schema (the service role of a
 * two-role deployment): they must be run as the owner, whose changes are also the only ones that can
 * touch the audit table's triggers.
 */
export async function assertMayMigrate(dataSource: DataSource): Promise<void> {
  if (!(await dataSource.showMigrations())) return;
  const [owned] = await dataSource.query(
    `SELECT tableowner AS owner, pg_has_role(current_user, tableowner, 'USAGE') AS owns FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'migrations'`,
  );
  // No migrations table yet: an empty database, created by whoever may create tables in it.
  if (!owned || owned.owns) return;
  throw new Error(
    `The database has pending migrations, and ${await currentRole(dataSource)} does not own its schema (${owned.owner} does): ` +
      `set DATABASE_MIGRATION_URL to the owner's URL, or run \`basketql migrate\` with DATABASE_URL set to it`,
  );
}
