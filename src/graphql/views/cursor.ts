import { InvalidInputError } from "../../errors";

/**
 * Opaque cursors: the sort-key values of a row and its id, tagged with the ordering they belong to,
 * so a cursor is never applied to a list sorted differently.
 */
export function encodeCursor(orderKey: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([orderKey, ...values])).toString("base64url");
}

export function decodeCursor(cursor: string, orderKey: string, field: string, length: number): unknown[] {
  try {
    const [key, ...values] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (key === orderKey && values.length === length) return values;
  } catch {
    /* reported below */
  }
  throw new InvalidInputError([{ field, message: `${field} is not a cursor of this list in this order (cursors come from edges and pageInfo of the same query)` }]);
}
