/**
 * The docs' table of variables, derived from the table of settings: docs/configuration.md holds
 * it between two markers, and `npm run docs:config` writes it there (a test fails until it does).
 */
import { isEntry, type Table } from './load.js';
import { SETTINGS } from './settings.js';
import type { Variable } from './setting.js';

function variablesOf(table: Table): Variable[] {
  return Object.values(table).flatMap((row) => (isEntry(row) ? row.variables : variablesOf(row)));
}

/** Every variable the service reads, with its default in words and its meaning, in the table's order. */
export const VARIABLES: readonly Variable[] = variablesOf(SETTINGS);

/** The marker lines around the generated table in docs/configuration.md. */
export const TABLE_START = '<!-- The table below is generated from src/config/settings.ts by `npm run docs:config`: edit the settings, not the table. -->';
export const TABLE_END = '<!-- End of the generated table. -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The Markdown table of every variable, as docs/configuration.md shows it. */
export function variablesTable(variables: readonly Variable[] = VARIABLES): string {
  const rows = variables.map((v) => `| \`${v.name}\` | ${cell(v.default)} | ${cell(v.meaning)} |`);
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

/** `markdown` with the text between the markers replaced by the table; throws when a marker is missing. */
export function withVariablesTable(markdown: string, table: string = variablesTable()): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error('docs/configuration.md has lost the markers around its generated table');
  return `${markdown.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${markdown.slice(end)}`;
}
