/**
 * Reading the project's Markdown as the documentation tests need it: sections by heading, the rows
 * of their tables, the relative links and the anchors GitHub gives each heading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export function readDoc(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Fenced code blocks hold examples, not prose: headings and links inside them do not count. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/**
 * The text under the heading of `level` that starts with `title`, up to the next heading of that
 * level or higher.
 *
 * @throws when there is no such heading, so a renamed section fails loudly.
 */
export function section(markdown: string, level: number, title: string): string {
  const marker = '#'.repeat(level);
  const lines = withoutCode(markdown).split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${marker} ${title}`));
  if (start === -1) throw new Error(`no "${marker} ${title}" heading`);
  const higher = new RegExp(`^#{1,${level}} `);
  const end = lines.findIndex((line, i) => i > start && higher.test(line));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

/** The cells of every table row whose first cell is code (`| \`NAME\` | … |`), the backticks kept. */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

/** The code rows of every table whose header row has a column named `column`. */
export function rowsOfTablesWith(text: string, column: string): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) inTable = false;
    else if (!inTable) inTable = line.split('|').some((cell) => cell.trim() === column);
    else rows.push(...tableRows(line));
  }
  return rows;
}

/** The names written as code in a cell: "`regulator` of either economy" → ["regulator"]. */
export function codeIn(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** The anchor GitHub derives from a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a document's headings, duplicates numbered as GitHub numbers them (`-1`, `-2`). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchorOf(match[1]!);
    const count = seen.get(base) ?? 0;
    anchors.add(count === 0 ? base : `${base}-${count}`);
    seen.set(base, count + 1);
  }
  return anchors;
}

/** Every inline link target that is not a web address or a mail link: `docs/api.md#errors`, `#deadlines`. */
export function relativeLinks(markdown: string): string[] {
  const targets = [...withoutCode(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}
