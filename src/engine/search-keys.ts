/** The searchable fields, free text and unique keys of an instance, from its workflow's table. */
import type { SearchField, Workflow } from '../kinds/types.js';
import { foldText } from '../search/fold.js';
import type { SearchFields, SearchText } from '../store/port.js';
import { stringsAt } from './paths.js';
import { ownValue } from '../own.js';

function valuesOf(field: SearchField, state: string, data: Record<string, unknown>): string[] {
  if (typeof field === 'string') return stringsAt(data, field);
  if ('anyOf' in field) return [...new Set(field.anyOf.flatMap((path) => stringsAt(data, path)))];
  if ('derive' in field) {
    const derived = field.derive({ state, data });
    return derived === undefined ? [] : Array.isArray(derived) ? derived : [derived];
  }
  return stringsAt(data, field.path).map(foldText);
}

function folds(field: SearchField | undefined): boolean {
  return field !== undefined && typeof field === 'object' && 'fold' in field;
}

/** The exact-match fields of an instance in `state` with `data`. */
export function searchFields(workflow: Workflow, state: string, data: Record<string, unknown>): SearchFields {
  const fields: SearchFields = {};
  for (const [name, field] of Object.entries(workflow.search)) {
    const values = valuesOf(field, state, data);
    if (values.length > 0) fields[name] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

/** The free-text fields of an instance, folded as they are indexed. */
export function searchText(workflow: Workflow, data: Record<string, unknown>): SearchText {
  const text: SearchText = {};
  for (const [name, path] of Object.entries(workflow.text ?? {})) {
    const value = foldText(stringsAt(data, path).join(' '));
    if (value !== '') text[name] = value;
  }
  return text;
}

/** A query's field values in the form they are indexed. */
export function searchQuery(workflow: Workflow, where: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(where).map(([name, value]) => [name, folds(ownValue(workflow.search, name)) ? foldText(value) : value]));
}

/** One key per unique combination whose fields all have a value. */
export function uniqueKeys(workflow: Workflow, fields: SearchFields): string[] {
  return workflow.unique.flatMap((names) => {
    const parts = names.map((name) => fields[name]);
    if (parts.some((p) => p === undefined || Array.isArray(p))) return [];
    return [names.map((name, i) => `${name}=${String(parts[i])}`).join('&')];
  });
}
