/**
 * Checks of what a caller asks the engine for, before any work: an event body against the
 * schema of its type, a list's states and filters against the workflow.
 */
import type { Kind, Workflow } from '../kinds/types.js';
import { workflowSchemas } from '../schemas/index.js';
import { AppError } from '../errors.js';
import { MIN_FRAGMENT, searchFragments } from '../search/fold.js';
import type { TextCondition } from '../store/port.js';
import type { Validator } from '../validation.js';
import type { EventBody } from '../kinds/kit/rules.js';
import { ownValue } from '../own.js';

/**
 * The event body, validated against the schema of its `type` (and normalised).
 *
 * @throws AppError VALIDATION_FAILED listing the types when `type` is missing or unknown.
 */
export function validateEventBody(validator: Validator, kind: Kind, body: unknown): EventBody {
  const schemas = workflowSchemas[kind].events as Record<string, { $id: string }>;
  const type = body !== null && typeof body === 'object' ? (body as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' ? ownValue(schemas, type) : undefined;
  if (!schema) {
    const known = Object.keys(schemas).join(', ');
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `An event needs a "type", one of: ${known}.`,
      errors: [{ pointer: '/type', message: `must be one of: ${known}` }],
    });
  }
  return validator.validate<EventBody>(schema.$id, body, `The body of ${String(type)}`);
}

/** @throws AppError VALIDATION_FAILED for a state the machine lacks or a field it cannot be filtered by. */
export function checkListQuery(workflow: Workflow, query: { states?: readonly string[]; where?: Readonly<Record<string, string>>; text?: Readonly<Record<string, string>> }): void {
  const unknownState = (query.states ?? []).find((s) => !Object.hasOwn(workflow.machine.states, s));
  if (unknownState !== undefined) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `"${unknownState}" is not a state of ${workflow.kind}; the states are ${Object.keys(workflow.machine.states).join(', ')}.`,
      errors: [{ pointer: '/state', message: `unknown state "${unknownState}"` }],
    });
  }
  const filters = [...Object.keys(workflow.search), ...Object.keys(workflow.text ?? {})];
  const unknownField = Object.keys(query.where ?? {}).find((f) => !filters.includes(f));
  if (unknownField !== undefined) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `${workflow.kind} cannot be filtered by "${unknownField}"; the filters are ${filters.join(', ')}.`,
      errors: [{ pointer: `/${unknownField}`, message: 'unknown filter' }],
    });
  }
  const unknownText = Object.keys(query.text ?? {}).find((f) => !Object.hasOwn(workflow.text ?? {}, f));
  if (unknownText !== undefined) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `${workflow.kind} has no free-text field "${unknownText}"; they are ${Object.keys(workflow.text ?? {}).join(', ')}.`,
      errors: [{ pointer: `/${unknownText}`, message: 'unknown free-text field' }],
    });
  }
}

/**
 * What a person typed, as free-text conditions: each field's text (or, for `anywhere`, the text
 * of the search box) folded and cut into fragments that must all occur.
 *
 * @throws AppError VALIDATION_FAILED for text too short to look up (under three letters).
 */
export function textConditions(typed: Readonly<Record<string, string>>, anywhere?: string): TextCondition[] {
  const conditions: TextCondition[] = [];
  const entries: Array<[string | undefined, string]> = [...Object.entries(typed), ...(anywhere === undefined ? [] : [[undefined, anywhere] as [undefined, string]])];
  for (const [field, text] of entries) {
    const fragments = searchFragments(text);
    if (fragments.length === 0) {
      const name = field ?? 'q';
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `Type at least ${MIN_FRAGMENT} letters or digits to search by ${name} ("${text}" is too short).`,
        errors: [{ pointer: `/${name}`, message: `must have at least ${MIN_FRAGMENT} characters besides spaces` }],
      });
    }
    for (const fragment of fragments) conditions.push(field === undefined ? { fragment } : { field, fragment });
  }
  return conditions;
}
