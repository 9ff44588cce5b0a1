/**
 * The reliability suite's figures: each part records what it measured; the root hook prints one
 * table at the end, with the seed that reproduces the run (RELIABILITY_SEED).
 */
export const SEED = Number(process.env['RELIABILITY_SEED'] ?? Date.now() % 2_147_483_647);

const rows: Array<{ part: string; figure: string; value: string }> = [];

export function record(part: string, figure: string, value: number | string): void {
  rows.push({ part, figure, value: String(value) });
}

export function table(): string {
  const widths = [4, 6, 5].map((w, i) => Math.max(w, ...rows.map((r) => [r.part, r.figure, r.value][i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(['Part', 'Figure', 'Value']), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line([r.part, r.figure, r.value]))].join('\n');
}
