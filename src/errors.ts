import { GraphQLError } from "graphql";
import type { FieldProblem } from "./plugin-api";

/** Stable `extensions.code` values returned to clients. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  LOCKED: "LOCKED",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** A query limit (cost, rows, time) refused the request; `extensions.limit` names which. */
  QUERY_LIMIT_EXCEEDED: "QUERY_LIMIT_EXCEEDED",
  /** Too many sign-in or signature attempts (HTTP 429); `extensions.retryAfter` says in how many seconds to try again. */
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
} as const;

/** Invalid input: names every offending field and what it accepts. Nothing was written. */
export class InvalidInputError extends GraphQLError {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[], httpStatus?: number) {
    super(problems.map((p) => p.message).join("; "), {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: problems[0]?.field,
        allowed: problems[0]?.allowed,
        problems,
        ...(httpStatus === undefined ? {} : { http: { status: httpStatus } }),
      },
    });
    this.problems = problems;
  }
}

export function invalidInput(field: string, message: string, allowed?: string): InvalidInputError {
  return new InvalidInputError([{ field, message: `${field} ${message}`, allowed }]);
}

/**
 * Text the database cannot store as given (a lone UTF-16 surrogate or a NUL character), refused before
 * the operation runs: a request error (HTTP 400, or 200 to plain JSON clients, like invalid variables).
 */
export function unstorableText(problems: FieldProblem[]): InvalidInputError {
  return new InvalidInputError(problems, 400);
}

/** A referenced record does not exist (reported as bad input: the caller named it). */
export function unknownReference(field: string, kind: string, id: string): InvalidInputError {
  return invalidInput(field, `does not name an existing ${kind} (got ${JSON.stringify(id)})`);
}

/** No valid credentials (HTTP 401). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** Authenticated, but the caller's roles do not allow this (HTTP 403). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

export class NotFoundError extends GraphQLError {
  constructor(kind: string, id: string) {
    super(`No ${kind} with id ${JSON.stringify(id)}`, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

/**
 * A write based on a stale read: the record changed since the caller read `expectedVersion`. Nothing
 * was written; read the record again and reapply the change.
 */
export function conflict(kind: string, id: string, expectedVersion: number, currentVersion: number | null): GraphQLError {
  const now = currentVersion === null ? "it no longer exists" : `it is now at version ${currentVersion}`;
  return new GraphQLError(`${kind} ${id} was changed by someone else (expectedVersion ${expectedVersion}, but ${now}); read it again and reapply the change`, {
    extensions: { code: ErrorCode.CONFLICT, currentVersion },
  });
}

/** The visit or the study is locked: nothing can be written to it until a data manager unlocks it. */
export function locked(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.LOCKED } });
}

/**
 * A query limit refused the request: `limit` is `cost` (counted before running: HTTP 400, nothing was
 * executed), `rows` or `time` (counted while running: the fields not yet loaded are null).
 */
export function queryLimitExceeded(limit: "cost" | "rows" | "time", message: string, details: { max: number; found?: number }): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit, ...details, ...(limit === "cost" ? { http: { status: 400 } } : {}) },
  });
}

/** Too many attempts (HTTP 429 with Retry-After): the request was not processed. */
export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfter, http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) } },
  });
}
