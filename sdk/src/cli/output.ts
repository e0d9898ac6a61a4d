import type { Writable } from 'node:stream';

/** Where the CLI writes, and whether a person is watching. */
export interface Terminal {
  stdout: Writable;
  stderr: Writable;
  /** stderr is a terminal (progress bars, prompts). */
  interactive: boolean;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

/** 75.2 → "1 min 15 s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '-';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and output is not
 * JSON; redrawn at most ten times a second.
 */
export class ProgressBar {
  private last = 0;
  private drawn = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly label: string,
    private readonly enabled: boolean,
  ) {}

  /** Shows `done` of `total` bytes. */
  update(done: number, total: number | null): void {
    if (!this.enabled || !this.terminal.interactive) return;
    const now = Date.now();
    if (now - this.last < 100 && (total === null || done < total)) return;
    this.last = now;
    const width = 24;
    const ratio = total ? Math.min(1, done / total) : 0;
    const bar = total ? `[${'#'.repeat(Math.round(ratio * width)).padEnd(width, '.')}] ${String(Math.floor(ratio * 100)).padStart(3)}%` : '';
    const amount = total ? `${formatBytes(done)} / ${formatBytes(total)}` : formatBytes(done);
    this.terminal.stderr.write(`\r\x1b[2K${this.label} ${bar} ${amount}`);
    this.drawn = true;
  }

  /** Ends the line. */
  done(): void {
    if (this.drawn) this.terminal.stderr.write('\n');
    this.drawn = false;
  }
}

/** Lays rows out in aligned columns. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, index) => Math.max(header.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
}
