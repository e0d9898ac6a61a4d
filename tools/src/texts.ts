/** A deterministic pseudo-random generator (mulberry32): a seed gives the same numbers in every run. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A simulation log of `size` characters (numbered steps with numbers): two seeds give texts that differ on every line. */
export function simulationLog(size: number, seed: number): string {
  const next = mulberry32(seed);
  const lines: string[] = [];
  let length = 0;
  for (let step = 0; length < size; step += 1) {
    const line = `step ${step} energy=${(next() * 1000).toFixed(6)} residual=${(next() / 1e3).toExponential(4)}\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('').slice(0, size);
}
