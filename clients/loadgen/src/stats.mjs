/** Latency samples in milliseconds, summarised as nearest-rank percentiles. */
export class Latencies {
  #samples = [];

  add(ms) {
    this.#samples.push(ms);
  }

  get count() {
    return this.#samples.length;
  }

  summary() {
    return summarize(this.#samples);
  }
}

export function summarize(samples) {
  if (samples.length === 0) return { count: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    min: round(sorted[0]),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sum / sorted.length),
  };
}

/** Nearest-rank percentile of an ascending array: the smallest sample with at least p% of samples at or below it. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Counts by key (error codes, rejection codes, HTTP statuses). */
export class Tally {
  #counts = new Map();

  add(key, n = 1) {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
  }

  get total() {
    let total = 0;
    for (const n of this.#counts.values()) total += n;
    return total;
  }

  toJSON() {
    return Object.fromEntries([...this.#counts].sort((a, b) => b[1] - a[1]));
  }
}

export const round = (x) => Math.round(x * 10) / 10;

/** Runs fn over items with at most `limit` in flight; stops taking new items once signal aborts. */
export async function inParallel(items, limit, signal, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
