/**
 * Form fields read from a body's JSON Schema, and a submitted form turned back into that body.
 * The schema stays the one source: a field is required, a list, a date or a choice because the
 * schema says so, and the engine validates what comes back exactly as it validates the API.
 */

interface JsonSchema {
  type?: string;
  enum?: readonly string[];
  const?: unknown;
  maxLength?: number;
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: readonly JsonSchema[];
  'x-instant'?: boolean;
}

export type FieldKind = 'text' | 'textarea' | 'date' | 'choice' | 'lines' | 'grouped-lines' | 'number' | 'checkbox';

export interface FormField {
  /** `equipment.model`: the form's input name and the key of its label in the page text. */
  path: string;
  kind: FieldKind;
  required: boolean;
  choices?: readonly string[];
  /** Fields of a nested object, shown as a fieldset. */
  children?: FormField[];
}

/** Longer than this, a text is a paragraph (a reason, a request) rather than a line. */
const LINE_LENGTH = 200;

function kindOf(schema: JsonSchema): FieldKind {
  if (schema['x-instant']) return 'date';
  if (schema.enum) return 'choice';
  if (schema.type === 'array') return 'lines';
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') return 'grouped-lines';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'checkbox';
  return (schema.maxLength ?? 0) > LINE_LENGTH ? 'textarea' : 'text';
}

/** The fields of an object schema; `type` (the event's name) is carried by the form itself. */
export function fieldsOf(schema: object, prefix = ''): FormField[] {
  const { properties = {}, required = [] } = schema as JsonSchema;
  return Object.entries(properties)
    .filter(([name, child]) => !(prefix === '' && name === 'type' && child.const !== undefined))
    .map(([name, child]) => {
      const path = `${prefix}${name}`;
      if (child.type === 'object' && child.properties) {
        return { path, kind: 'text', required: required.includes(name), children: fieldsOf(child, `${path}.`) };
      }
      const kind = kindOf(child);
      return { path, kind, required: required.includes(name), ...(kind === 'choice' ? { choices: child.enum ?? [] } : {}) };
    });
}

function lines(text: string): string[] {
  return text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `2026-11-02` from a date input stays a date; the engine reads it as 00:00 UTC. */
function valueOf(field: FormField, raw: string): unknown {
  switch (field.kind) {
    case 'lines':
      return lines(raw);
    case 'grouped-lines': {
      // Regulations carry their economy (`KR:KN 32`): grouped by it, as the schema's map wants.
      const groups: Record<string, string[]> = {};
      for (const line of lines(raw)) (groups[line.split(':')[0]!] ??= []).push(line);
      return groups;
    }
    case 'number':
      return Number(raw);
    case 'checkbox':
      return raw === 'on';
    default:
      return raw.trim();
  }
}

/** The body a submitted form stands for: empty answers are left out, so "optional" means optional. */
export function bodyFromForm(fields: readonly FormField[], form: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const name = field.path.split('.').at(-1)!;
    if (field.children) {
      const nested = bodyFromForm(field.children, form);
      if (Object.keys(nested).length > 0) body[name] = nested;
      continue;
    }
    const raw = form[field.path];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    body[name] = valueOf(field, raw);
  }
  return body;
}

/** Form values of a body, to show a refused form again with what the person typed. */
export function formValues(form: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
