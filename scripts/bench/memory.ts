/*
 * Peak resident memory beside each figure. The benchmark runs the server in its own process, so the
 * process's RSS is the server's. Sampling catches the peak within one figure; the kernel's maxRSS is the
 * peak since the process started (it never goes down), printed too so a peak between samples is not missed.
 */
const MIB = 1024 * 1024;

export interface MemoryFigure {
  /** Highest RSS sampled while the figure was measured, MiB. */
  peakRssMiB: number;
  /** The process's peak RSS since it started (getrusage maxrss), MiB. */
  processMaxRssMiB: number;
}

/** Runs `work` while sampling RSS every `intervalMs`, and returns its result with the peak. */
export async function withPeakRss<T>(work: () => Promise<T>, intervalMs = 20): Promise<{ result: T; memory: MemoryFigure }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, memory: { peakRssMiB: Math.round(peak / MIB), processMaxRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MIB) } };
  } finally {
    clearInterval(timer);
  }
}
