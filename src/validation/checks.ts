import type { FieldProblem } from "../plugin-api";
import { InvalidInputError } from "../errors";
import { fromGlobalId } from "../graphql/global-id";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Collects every problem of one mutation input, so the client learns all of them at once,
 * then throws a single BAD_USER_INPUT error before anything is written.
 */
export class Checks {
  private readonly problems: FieldProblem[] = [];

  add(field: string, message: string, allowed?: string): this {
    this.problems.push({ field, message: `${field} ${message}`, allowed });
    return this;
  }

  integer(field: string, value: number | null | undefined, min: number, max: number): this {
    if (value === null || value === undefined) return this;
    const allowed = `an integer from ${min} to ${max}`;
    if (!Number.isInteger(value) || value < min || value > max) this.add(field, `must be ${allowed} (got ${value})`, allowed);
    return this;
  }

  number(field: string, value: number | null | undefined, min: number, max: number, unit = ""): this {
    if (value === null || value === undefined) return this;
    const allowed = `a number from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
    if (!Number.isFinite(value) || value < min || value > max) this.add(field, `must be ${allowed} (got ${value})`, allowed);
    return this;
  }

  text(field: string, value: string | null | undefined, maxLength = 200): this {
    if (value === null || value === undefined) return this;
    const allowed = `1 to ${maxLength} characters`;
    if (value.trim().length === 0 || value.length > maxLength) this.add(field, `must be ${allowed}`, allowed);
    return this;
  }

  date(field: string, value: string | null | undefined): this {
    if (value === null || value === undefined) return this;
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) this.add(field, `must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`, "YYYY-MM-DD");
    return this;
  }

  notBefore(field: string, value: string | null | undefined, earliest: string | null | undefined, earliestName: string): this {
    if (value && earliest && value < earliest) this.add(field, `must not be before ${earliestName} (${earliest})`, `on or after ${earliest}`);
    return this;
  }

  required(field: string, value: unknown, why: string): this {
    if (value === null || value === undefined || value === "") this.add(field, `is required ${why}`);
    return this;
  }

  /** Throws when any check failed. */
  verify(): void {
    if (this.problems.length > 0) throw new InvalidInputError(this.problems);
  }
}

/** Decodes a global id of the expected type, or throws BAD_USER_INPUT naming the field. */
export function decodeId(field: string, id: string, type: string): number {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== type) {
    throw new InvalidInputError([{ field, message: `${field} is not a ${type} id (got ${JSON.stringify(id)})`, allowed: `a ${type} id` }]);
  }
  return decoded.key;
}
