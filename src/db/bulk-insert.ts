import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/**
 * Multi-row INSERTs for bulk writers (the scale generator): one statement per `ROWS_PER_STATEMENT` rows,
 * with every column of the entity bound in the driver's own format (TypeORM's preparePersistentValue:
 * booleans, dates, simple-json), so the rows read back exactly as rows saved through TypeORM.
 *
 * Ids are given by the caller (see `nextId`), so rows can refer to rows of the same batch without a
 * round trip per row; the caller holds the transaction, and `nextId` locks the table against other
 * writers until it ends, so no other writer takes the same ids.
 */
const ROWS_PER_STATEMENT = 500;
/** SQLite binds at most 32,766 values per statement, PostgreSQL 65,535. */
const MAX_BOUND_VALUES = 32_000;

interface Prepared {
  table: string;
  columns: ColumnMetadata[];
  statements: Map<number, string>;
}
const prepared = new WeakMap<EntityManager, Map<EntityTarget<ObjectLiteral>, Prepared>>();

function statementsFor(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Prepared {
  let byEntity = prepared.get(manager);
  if (!byEntity) prepared.set(manager, (byEntity = new Map()));
  let found = byEntity.get(entity);
  if (!found) {
    const metadata = manager.connection.getMetadata(entity);
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    if (columns.some((c) => c.embeddedMetadata)) throw new Error(`bulkInsert does not write embedded columns (${metadata.name})`);
    found = { table: metadata.tablePath, columns, statements: new Map() };
    byEntity.set(entity, found);
  }
  return found;
}

function insertStatement(manager: EntityManager, { table, columns, statements }: Prepared, rows: number): string {
  let sql = statements.get(rows);
  if (sql) return sql;
  const postgres = manager.connection.options.type === "postgres";
  const escape = (name: string) => manager.connection.driver.escape(name);
  let n = 0;
  const tuple = () => `(${columns.map(() => (postgres ? `$${++n}` : "?")).join(", ")})`;
  sql = `INSERT INTO ${escape(table)} (${columns.map((c) => escape(c.databaseName)).join(", ")}) VALUES ${Array.from({ length: rows }, tuple).join(", ")}`;
  statements.set(rows, sql);
  return sql;
}

/** A property the row leaves out takes the column's default (version 1, a creation date now), else null. */
function valueOf(column: ColumnMetadata, row: ObjectLiteral, now: Date): unknown {
  // Rows are flat objects (no embedded columns), so the property is read directly: TypeORM's
  // getEntityValue took a tenth of the generator's time.
  const value = row[column.propertyName];
  if (value !== undefined) return value;
  if (column.isCreateDate || column.isUpdateDate) return now;
  if (column.default !== undefined && typeof column.default !== "function") return column.default;
  return null;
}

/** Inserts the rows (ids included) in multi-row statements; returns the number of statements run. */
export async function bulkInsert<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const target = statementsFor(manager, entity);
  const driver = manager.connection.driver;
  const perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_BOUND_VALUES / target.columns.length)));
  const now = new Date();
  let statements = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    for (const row of chunk) for (const column of target.columns) values.push(driver.preparePersistentValue(valueOf(column, row, now), column));
    await manager.query(insertStatement(manager, target, chunk.length), values);
    statements++;
  }
  return statements;
}

/** The id after the highest one in the entity's table. */
export async function nextId(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<number> {
  const metadata = manager.connection.getMetadata(entity);
  const table = manager.connection.driver.escape(metadata.tablePath);
  // PostgreSQL: a server on the same database would take ids from the sequence meanwhile and collide with
  // ours; EXCLUSIVE mode keeps its writes to the table waiting until this transaction ends (reads go on).
  // SQLite: the caller's transaction already excludes every other writer.
  if (manager.connection.options.type === "postgres") await manager.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  const [{ max }] = await manager.query(`SELECT MAX(id) AS max FROM ${table}`);
  return Number(max ?? 0) + 1;
}

/** PostgreSQL: moves the id sequence past the ids given explicitly (SQLite's AUTOINCREMENT follows by itself). */
export async function syncIdSequence(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<void> {
  if (manager.connection.options.type !== "postgres") return;
  const table = manager.connection.getMetadata(entity).tablePath;
  await manager.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`, [`"${table}"`]);
}
