/**
 * Global object ids: every object type exposes `id` as an opaque, stable string that encodes its
 * type and database key, so clients can normalise caches and refetch any object with `node(id:)`.
 */
export function toGlobalId(type: string, key: number): string {
  return Buffer.from(`${type}:${key}`).toString("base64url");
}

export function fromGlobalId(id: string): { type: string; key: number } | undefined {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  // Keys are 32-bit integer columns: a larger number names no row (and would overflow PostgreSQL's integer).
  if (!match || Number(match[2]) > 2_147_483_647) return undefined;
  return { type: match[1], key: Number(match[2]) };
}
