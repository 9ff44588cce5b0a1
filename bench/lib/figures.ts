/**
 * The figures one bench run produces: each a named number with its unit and, where it has one,
 * the yardstick it is a ratio to. The table printed and the JSON written come from the same list.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Figure {
  /** Which part of the bench measured it, e.g. `disk`, `engine`, `http`. */
  part: string;
  /** What was measured, for a person. */
  name: string;
  value: number;
  unit: string;
  /** The store size (test reports) it was measured at, when size matters. */
  size?: number;
  /** value / yardstick, and what the yardstick is. */
  ratio?: { value: number; to: string };
  /** Latency percentiles in milliseconds, for HTTP figures. */
  latency?: { p50: number; p95: number; p99: number };
}

export class Figures {
  readonly #list: Figure[] = [];

  add(figure: Figure): Figure {
    this.#list.push(figure);
    return figure;
  }

  /** The first figure of `part` named `name` (at `size`, if given). */
  find(part: string, name: string, size?: number): Figure | undefined {
    return this.#list.find((f) => f.part === part && f.name === name && (size === undefined || f.size === size));
  }

  get all(): readonly Figure[] {
    return this.#list;
  }

  /** A plain-text table, one figure a row. */
  table(): string {
    const rows = this.#list.map((f) => [
      f.part,
      f.name + (f.size === undefined ? '' : ` @${formatCount(f.size)}`),
      `${formatNumber(f.value)} ${f.unit}`,
      f.latency ? `p50 ${formatNumber(f.latency.p50)} / p95 ${formatNumber(f.latency.p95)} / p99 ${formatNumber(f.latency.p99)} ms` : '',
      f.ratio ? `${f.ratio.value.toFixed(2)} of ${f.ratio.to}` : '',
    ]);
    const header = ['part', 'figure', 'value', 'latency', 'ratio'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  }

  /** `extra` rides along beside the figures (the profiles' summaries, say). */
  writeJson(path: string, settings: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), settings, figures: this.#list, ...extra }, null, 2)}\n`);
  }
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(Math.abs(n) >= 10 ? 1 : 2);
}

export function formatCount(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}
