import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors";

const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "OPERATION_RESOLUTION_FAILURE"]);

/**
 * Errors with a known code reach the client as they are; anything else is an internal failure whose
 * message could leak internals (SQL, file paths), so it is replaced by a stable code and logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error("Internal error:", error);
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
