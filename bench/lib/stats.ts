/** Small statistics for the bench: medians over rounds, and a timed loop that counts operations. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `step` for `seconds` with `workers` loops in flight and answers operations per second.
 * Worker w calls step(w, n) with its own counter n, so workers can keep to their own data.
 */
export async function rate(seconds: number, step: (worker: number, n: number) => unknown, workers = 1): Promise<number> {
  const start = performance.now();
  const end = start + seconds * 1000;
  let total = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let n = 0; performance.now() < end; n += 1) {
        await step(worker, n);
        total += 1;
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}
