/** Peak resident memory while `run` runs, sampled every 20 ms (plus the start and the end). */
export async function withPeakMemory<T>(run: () => Promise<T>): Promise<{ result: T; peakRssMb: number; peakHeapMb: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await run();
    sample();
    return { result, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** Seconds a call count costs at HubSpot's Pro/Enterprise budget (190 requests per 10 s). */
export const secondsAtBudget = (calls: number, perTenSeconds = 190): number => (calls / perTenSeconds) * 10;

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
