/** One number a benchmark reports, e.g. `diff 1000 tables` in `ms`. */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
}

/** Median wall time of `runs` calls after one warm-up, in milliseconds. */
export function median(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
