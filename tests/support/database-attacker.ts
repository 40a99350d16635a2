import { Client } from "pg";
import sqlite3 from "sqlite3";

/**
 * Someone who can write the database directly — the SQLite file, or PostgreSQL as the owner of the
 * tables — through a connection of their own, not the service's: the triggers apply to them until
 * they drop them.
 */
export interface DatabaseAttacker {
  /** Runs SQL written with `?` placeholders; returns the rows. */
  query(sql: string, params?: unknown[]): Promise<any[]>;
  /** Removes the audit table's append-only triggers, as the owner of the file or table can. */
  disableTriggers(): Promise<void>;
  close(): Promise<void>;
}

export async function attackDatabase(kind: "sqlite" | "postgres", database: string): Promise<DatabaseAttacker> {
  if (kind === "postgres") {
    const client = new Client({ connectionString: database });
    await client.connect();
    const query = async (sql: string, params: unknown[] = []) => {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
    };
    return {
      query,
      disableTriggers: async () => void (await query(`ALTER TABLE audit_event DISABLE TRIGGER USER`)),
      close: () => client.end(),
    };
  }
  const db = new sqlite3.Database(database);
  const query = (sql: string, params: unknown[] = []) =>
    new Promise<any[]>((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
  return {
    query,
    async disableTriggers() {
      const triggers = await query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'`);
      for (const { name } of triggers) await query(`DROP TRIGGER "${name}"`);
    },
    close: () => new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  };
}
