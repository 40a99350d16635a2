import { withPeakRss } from "./memory";
import type { MemoryFigure } from "./memory";
import { postGraphql, runLoad } from "./load-loop";
import type { LoadFigure } from "./load-loop";

/*
 * Figure 2: the cohort overview and the patient timeline (docs/queries/) over HTTP, at 1 and 32 concurrent
 * connections, each run bounded in time: requests per second, p50/p95 latency, errors and non-2xx answers
 * (a run with any is reported as such), and the process's CPU time per request.
 */

export const HTTP_CONNECTIONS = [1, 32] as const;

export interface HttpQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface HttpFigure extends LoadFigure {
  query: string;
  /** CPU time (user + system) of the process per answered request, ms: server and load loop together. */
  cpuMsPerRequest: number;
  memory: MemoryFigure;
}

export async function measureHttp(url: string, token: string, queries: HttpQuery[], durationMs: number, signal: AbortSignal): Promise<HttpFigure[]> {
  const figures: HttpFigure[] = [];
  for (const query of queries) {
    const send = () => postGraphql(url, token, query.query, query.variables);
    await send(); // warms the server's caches and the connection
    for (const connections of HTTP_CONNECTIONS) {
      signal.throwIfAborted();
      const cpuBefore = process.cpuUsage();
      const { result, memory } = await withPeakRss(() => runLoad(connections, durationMs, send));
      const cpu = process.cpuUsage(cpuBefore);
      const figure = { query: query.name, ...result, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests), memory };
      figures.push(figure);
      console.log(`  ${describeLoad(figure)}, CPU ${figure.cpuMsPerRequest.toFixed(1)} ms/request, peak RSS ${memory.peakRssMiB} MiB`);
    }
  }
  return figures;
}

/** One line per run; a run with failures says so first. */
export function describeLoad(figure: LoadFigure & { query: string }): string {
  const failures = figure.errors + figure.non2xx;
  const verdict = failures ? `FAILED: ${figure.errors} errors, ${figure.non2xx} non-2xx (first: ${figure.firstFailure}); ` : "";
  return (
    `${figure.query} × ${figure.connections}: ${verdict}${figure.requests} requests in ${figure.seconds.toFixed(1)} s, ` +
    `${figure.requestsPerSecond.toFixed(1)}/s, p50 ${figure.latencyMs.p50.toFixed(1)} ms, p95 ${figure.latencyMs.p95.toFixed(1)} ms`
  );
}
