import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";

/**
 * GraphQL-over-HTTP status codes (https://graphql.github.io/graphql-over-http/draft/) on top of Apollo
 * Server, which answers every request error (a document that does not parse or validate, variables
 * that do not coerce) with 400 whatever the client accepts. The specification asks for:
 *
 * - `application/graphql-response+json` responses: 4xx on request errors (Apollo's 400 stays);
 * - `application/json` responses — legacy clients, and clients that send no `Accept` or `*\/*`: 200,
 *   the errors being in the body as before the media type existed.
 *
 * Requests that are not well-formed GraphQL-over-HTTP requests (no `query`, a non-object `variables`,
 * a GET mutation, a body that is not JSON) keep their 4xx for every client, and so do the refusals of
 * the query limits (depth, cost, aliases, directives, tokens): they are a policy of this server, like
 * the 413 of an oversized body, and the README promises them a 400.
 */

/** Errors reported by the query-limit validation rules (see {@link reportingQueryLimits}). */
const queryLimitRefusals = new WeakSet<GraphQLError>();

/**
 * Wraps a query-limit validation rule (graphql-armor's) so that the errors it reports are known as
 * limit refusals afterwards, whatever their wording.
 */
export function reportingQueryLimits(rule: ValidationRule): ValidationRule {
  return (context) => {
    const tagging: ValidationContext = Object.create(context, {
      reportError: {
        value(error: GraphQLError) {
          queryLimitRefusals.add(error);
          context.reportError(error);
        },
      },
    });
    return rule(tagging);
  };
}

/**
 * graphql-js enforces the token limit while Apollo parses (`parseOptions.maxTokens`); the message is
 * graphql-js's own: `Syntax Error: Document contains more that N tokens. Parsing aborted.` (sic in
 * graphql 16, "than" in 17).
 */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;

function isQueryLimitRefusal(error: GraphQLError): boolean {
  const original = error.originalError;
  if (queryLimitRefusals.has(error) || (original && queryLimitRefusals.has(original as GraphQLError))) return true;
  return error.extensions?.code === "GRAPHQL_PARSE_FAILED" && TOKEN_LIMIT.test(error.message);
}

/** Codes of GraphQL request errors: the request was well-formed, the GraphQL document or its variables were not. */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "OPERATION_RESOLUTION_FAILURE"]);

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json";

interface Preference {
  /** 2: the exact type, 1: `application/*`, 0: `*\/*`. */
  specificity: number;
  q: number;
  position: number;
}

/** How an Accept header ranks `application/<subtype>`: the most specific matching range decides (RFC 9110 §12.5.1). */
function preference(accept: string, subtype: string): Preference | undefined {
  let best: Preference | undefined;
  accept.split(",").forEach((part, position) => {
    const [range = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const specificity = range === `application/${subtype}` ? 2 : range === "application/*" ? 1 : range === "*/*" ? 0 : -1;
    if (specificity < 0) return;
    const qParameter = parameters.find((parameter) => parameter.startsWith("q="));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    const candidate = { specificity, q: Number.isFinite(q) ? q : 0, position };
    if (!best || specificity > best.specificity || (specificity === best.specificity && (candidate.q > best.q || (candidate.q === best.q && position < best.position)))) {
      best = candidate;
    }
  });
  return best && best.q > 0 ? best : undefined;
}

/**
 * The media type Apollo answers a GraphQL result with, for this Accept header: the same choice as
 * Apollo's own negotiation (quality, then specificity, then order in the header, then
 * `application/json` first); `undefined` when the client accepts neither (Apollo answers 406).
 */
export function negotiateResponseType(accept: string | undefined): typeof JSON_TYPE | typeof GRAPHQL_RESPONSE_TYPE | undefined {
  if (!accept) return JSON_TYPE;
  const json = preference(accept, "json");
  const graphqlResponse = preference(accept, "graphql-response+json");
  if (!graphqlResponse) return json ? JSON_TYPE : undefined;
  if (!json) return GRAPHQL_RESPONSE_TYPE;
  const prefersGraphQLResponse =
    graphqlResponse.q !== json.q
      ? graphqlResponse.q > json.q
      : graphqlResponse.specificity !== json.specificity
        ? graphqlResponse.specificity > json.specificity
        : graphqlResponse.position < json.position;
  return prefersGraphQLResponse ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE;
}

/** Answers GraphQL request errors with 200 to `application/json` clients (see the top of this file). */
export function graphqlOverHttpStatus<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (!request.http || response.http.status !== 400) return;
          if (response.body.kind !== "single" || response.body.singleResult.data !== undefined) return;
          if (!errors?.length || !errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))) return;
          if (errors.some(isQueryLimitRefusal)) return;
          if (negotiateResponseType(request.http.headers.get("accept")) !== JSON_TYPE) return;
          response.http.status = 200;
        },
      };
    },
  };
}
