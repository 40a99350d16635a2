import { summarize } from "./latency";
import type { LatencySummary } from "./latency";

/*
 * A bounded load loop over HTTP (figures 2 and 3). autocannon is not among the dependencies, so this is
 * a small one: `connections` workers each send a request, wait for the whole answer, and send the next,
 * until the time is up. Node's fetch keeps connections alive, so each worker holds one connection.
 * Latency is measured per request from send to the end of the body.
 */

/** The answer to a GraphQL request over HTTP: its status and its parsed body. */
export interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
}

export interface LoadFigure {
  connections: number;
  seconds: number;
  /** Answered requests (whatever the answer). */
  requests: number;
  requestsPerSecond: number;
  /** 2xx answers that carry GraphQL errors, and requests that failed without an answer. */
  errors: number;
  /** Answers with a status other than 2xx. */
  non2xx: number;
  /** The first failure, so that a run with errors says what went wrong. */
  firstFailure?: string;
  latencyMs: LatencySummary;
}

/** POSTs a GraphQL request as JSON with a bearer token. */
export async function postGraphql(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphqlAnswer["body"];
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body };
}

/** A failure of the answer, or undefined when it is a 2xx answer without GraphQL errors. */
export function failureOf(answer: GraphqlAnswer): { kind: "error" | "non2xx"; message: string } | undefined {
  const message = answer.body.errors?.map((e) => `${e.extensions?.code ?? "?"}: ${e.message}`).join("; ");
  if (answer.status < 200 || answer.status > 299) return { kind: "non2xx", message: `HTTP ${answer.status}${message ? ` (${message})` : ""}` };
  if (answer.body.errors?.length) return { kind: "error", message: message ?? "" };
  return undefined;
}

/**
 * Runs `connections` workers for `durationMs` (requests in flight at the deadline finish and count).
 * `send(worker)` makes one request; it returns null when that worker has nothing left to send.
 */
export async function runLoad(connections: number, durationMs: number, send: (worker: number) => Promise<GraphqlAnswer | null>): Promise<LoadFigure> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (index: number) => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      let answer: GraphqlAnswer | null;
      try {
        answer = await send(index);
      } catch (error) {
        errors++;
        firstFailure ??= `request failed: ${error instanceof Error ? error.message : String(error)}`;
        continue;
      }
      if (answer === null) return;
      latencies.push(performance.now() - sent);
      const failure = failureOf(answer);
      if (failure?.kind === "error") errors++;
      if (failure?.kind === "non2xx") non2xx++;
      if (failure) firstFailure ??= failure.message;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, index) => worker(index)));
  const seconds = (performance.now() - started) / 1000;
  return { connections, seconds, requests: latencies.length, requestsPerSecond: latencies.length / seconds, errors, non2xx, firstFailure, latencyMs: summarize(latencies) };
}
