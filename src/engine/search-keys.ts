/** The searchable fields and unique keys of an instance, from its workflow's table. */
import type { SearchField, Workflow } from '../../machines/types.js';
import type { SearchFields } from '../store/port.js';
import { stringsAt } from './paths.js';
import { ownValue } from '../own.js';

function spec(field: SearchField): { path: string; fold: boolean } {
  return typeof field === 'string' ? { path: field, fold: false } : { path: field.path, fold: field.fold };
}

/** Case-insensitive fields are indexed and queried in this form. */
export function fold(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('und');
}

export function searchFields(workflow: Workflow, data: Record<string, unknown>): SearchFields {
  const fields: SearchFields = {};
  for (const [name, field] of Object.entries(workflow.search)) {
    const { path, fold: folded } = spec(field);
    const values = stringsAt(data, path).map((v) => (folded ? fold(v) : v));
    if (values.length > 0) fields[name] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

/** A query's field values in the form they are indexed. */
export function searchQuery(workflow: Workflow, where: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(where).map(([name, value]) => {
      const field = ownValue(workflow.search, name);
      return [name, field !== undefined && spec(field).fold ? fold(value) : value];
    }),
  );
}

/** One key per unique combination whose fields all have a value. */
export function uniqueKeys(workflow: Workflow, fields: SearchFields): string[] {
  return workflow.unique.flatMap((names) => {
    const parts = names.map((name) => fields[name]);
    if (parts.some((p) => p === undefined || Array.isArray(p))) return [];
    return [names.map((name, i) => `${name}=${String(parts[i])}`).join('&')];
  });
}
