import type { Writable } from 'node:stream';
import { binaryUnits, clockDuration } from '../format.js';

/** Where the CLI writes, and whether a person is watching. */
export interface Terminal {
  stdout: Writable;
  stderr: Writable;
  /** stderr is a terminal (progress bars, prompts). */
  interactive: boolean;
}

/** 1536 → "1.5 KiB": one decimal above bytes, so that sizes in a column line up. */
export function formatBytes(bytes: number): string {
  const { value, unit } = binaryUnits(bytes);
  return `${unit === 'B' ? value : value.toFixed(1)} ${unit}`;
}

/** 0.532 → "0.53 s"; 75.2 → "1 min 15 s"; null → "-". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '-';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  return clockDuration(seconds);
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
