/** Benchmarks live next to this file; see run.ts. */
export {};
