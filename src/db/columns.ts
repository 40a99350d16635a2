/** Column types that mean the same on SQLite and PostgreSQL. */
export const DOUBLE = "double precision" as const;
export const DATE = "date" as const;
