import type { FieldProblem } from "../plugin-api";
import { InvalidInputError } from "../errors";
import { fromGlobalId } from "../graphql/global-id";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates clinical data may carry. The study declares no period of its own, so one sane range holds
 * for every date entered (visits, doses, adverse events, medications, inclusion, status changes, role
 * expiries): nothing of a living participant predates 1900 (a medication started decades before
 * inclusion still fits), and nothing is planned beyond 2099. A typing slip such as 0024 or 9999 is
 * refused naming the field instead of being stored, or reaching the database, which refuses year 0.
 */
export const DATE_RANGE = { earliest: "1900-01-01", latest: "2099-12-31" } as const;

/** YYYY-MM-DD naming a day that exists (2024-02-30 does not), year 0001 or later: what both databases store. */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value) || value < "0001-01-01") return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

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

  integer(field: string, value: number | null | undefined, min: number, max: number, unit = ""): this {
    if (value === null || value === undefined) return this;
    const allowed = `an integer from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
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

  /** A real calendar date YYYY-MM-DD within DATE_RANGE (see there). */
  date(field: string, value: string | null | undefined): this {
    if (value === null || value === undefined) return this;
    const allowed = `a date YYYY-MM-DD from ${DATE_RANGE.earliest} to ${DATE_RANGE.latest}`;
    if (!isCalendarDate(value) || value < DATE_RANGE.earliest || value > DATE_RANGE.latest) this.add(field, `must be ${allowed} (got ${JSON.stringify(value)})`, allowed);
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
