import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors";

/** PostgreSQL's query_canceled: a statement ran past statement_timeout (see db/data-source.ts). */
const STATEMENT_TIMEOUT = "57014";

/**
 * Codes whose message is meant for the client: the service's own (src/errors.ts) and the ones Apollo
 * and the HTTP layer (src/server.ts) give to malformed requests.
 */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** What the client sees of any internal failure, in every mode: a stable code, no internal message, no stack. */
export function internalServerError(): GraphQLFormattedError {
  return { message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Errors with a known code reach the client as they are, without a stack trace; anything else is an
 * internal failure whose message could leak internals (SQL, file paths), so it is replaced by a stable
 * code and logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const cause = unwrapResolverError(error) as { driverError?: { code?: unknown } } | undefined;
  if (cause?.driverError?.code === STATEMENT_TIMEOUT) {
    return {
      message: "A database statement ran longer than the time limit of one request: ask for smaller pages or simpler filters",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit: "time" },
    };
  }
  console.error("Internal error:", error);
  return { ...internalServerError(), locations: formatted.locations, path: formatted.path };
}
