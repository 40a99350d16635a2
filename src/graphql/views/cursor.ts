import type { EntityMetadata } from "typeorm";
import { InvalidInputError } from "../../errors";
import { isCalendarDate } from "../../validation/checks";

/** What a sort-key value in a cursor must be, from its column's type: it is bound against that column. */
export type CursorValueKind = "integer" | "number" | "date" | "text" | "boolean";

/** What a cursor holds for one sort key: a value of `kind`, or null only where the column can be NULL. */
export interface CursorKey {
  kind: CursorValueKind;
  nullable: boolean;
}

/** Longest cursor accepted: a cursor holds a few sort-key values; anything longer was not made here. */
export const MAX_CURSOR_LENGTH = 2_000;
/** PostgreSQL's `integer` (and the ids): larger values cannot be compared with the column. */
const INT_MAX = 2_147_483_647;

/** The kind of value `column` of `metadata` holds; unknown types compare as text (bound as strings, never SQL). */
export function cursorValueKind(metadata: EntityMetadata, column: string): CursorValueKind {
  const type = metadata.findColumnWithPropertyName(column)?.type;
  if (type === Number || type === "integer" || type === "int") return "integer";
  if (type === "double precision" || type === "float" || type === "real" || type === "numeric") return "number";
  if (type === "date") return "date";
  if (type === Boolean || type === "boolean") return "boolean";
  return "text";
}

const FITS: Record<CursorValueKind, (value: unknown) => boolean> = {
  integer: (v) => typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= INT_MAX,
  number: (v) => typeof v === "number" && Number.isFinite(v),
  date: (v) => typeof v === "string" && isCalendarDate(v),
  text: (v) => typeof v === "string" && v.length <= MAX_CURSOR_LENGTH,
  boolean: (v) => typeof v === "boolean",
};

const fits = (value: unknown, { kind, nullable }: CursorKey) => (value === null ? nullable : FITS[kind](value));

/**
 * Opaque cursors: the sort-key values of a row and its id, tagged with the ordering they belong to,
 * so a cursor is never applied to a list sorted differently.
 */
export function encodeCursor(orderKey: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([orderKey, ...values])).toString("base64url");
}

/**
 * The sort-key values of a cursor, each checked against the kind of its column before it is bound to
 * SQL: a cursor edited by hand (wrong types, SQL text, numbers out of the column's range, nested
 * objects) is refused as BAD_USER_INPUT naming `field` rather than failing in the database. A null
 * is the value of a row without one, accepted only for a key whose column can be NULL.
 */
export function decodeCursor(cursor: string, orderKey: string, field: string, keys: CursorKey[]): unknown[] {
  try {
    if (cursor.length <= MAX_CURSOR_LENGTH) {
      const [key, ...values] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
      if (key === orderKey && values.length === keys.length && values.every((value, i) => fits(value, keys[i]))) return values;
    }
  } catch {
    /* reported below */
  }
  throw new InvalidInputError([
    { field, message: `${field} is not a cursor of this list in this order (cursors come from edges and pageInfo of the same query)`, allowed: "a cursor from edges or pageInfo" },
  ]);
}
