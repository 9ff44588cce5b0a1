/**
 * The one ajv instance (JSON Schema 2020-12 + formats). Every schema of `schemas/` is compiled
 * once, at start-up; callers validate by `$id` and get either the data, normalised, or an
 * `AppError` listing every problem with a JSON Pointer to the field.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { allSchemas } from '../schemas/index.js';
import { AppError, type FieldError } from './errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/i;

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, useDefaults: true });
  addFormats(ajv);
  // Instants are stored as UTC text with milliseconds so that they order correctly as strings.
  ajv.addKeyword({
    keyword: 'x-instant',
    schemaType: 'boolean',
    modifying: true,
    validate: (_schema: boolean, data: unknown, _parent?: unknown, cxt?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number }) => {
      if (typeof data === 'string' && cxt && INSTANT_SHAPE.test(data)) {
        const time = Date.parse(data.length === 10 ? `${data}T00:00:00Z` : data);
        if (!Number.isNaN(time)) cxt.parentData[cxt.parentDataProperty] = new Date(time).toISOString();
      }
      return true;
    },
  });
  for (const schema of allSchemas()) ajv.addSchema(schema);
  return ajv;
}

/** Vietnamese text typed on some systems arrives decomposed (NFD); we store every string in NFC. */
export function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => normalizeText(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeText(v)])) as T;
  }
  return value;
}

function toFieldError(error: ErrorObject): FieldError {
  const pointer = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return { pointer, message: `unknown property "${String(error.params['additionalProperty'])}"` };
    case 'required':
      return { pointer, message: `missing required property "${String(error.params['missingProperty'])}"` };
    case 'enum':
      return { pointer, message: `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}` };
    case 'const':
      return { pointer, message: `must be ${JSON.stringify(error.params['allowedValue'])}` };
    default:
      return { pointer, message: error.message ?? error.keyword };
  }
}

/** Drops the noise ajv adds for a failed `anyOf` when the branches' own errors say it all. */
function fieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const fieldError = error.keyword === 'anyOf' ? { pointer: error.instancePath, message: 'must be an ISO 8601 date-time with a time zone, or a date' } : toFieldError(error);
    if (error.keyword === 'format' && error.schemaPath.includes('anyOf')) continue;
    if (error.keyword === 'if') continue;
    const key = `${fieldError.pointer} ${fieldError.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push(fieldError);
    }
  }
  return result;
}

export class Validator {
  readonly #compiled = new Map<string, ValidateFunction>();

  /** Compiles every schema now, so a broken schema stops start-up rather than a request. */
  constructor() {
    const ajv = createAjv();
    for (const { $id } of allSchemas()) {
      const validate = ajv.getSchema($id);
      if (!validate) throw new Error(`Schema ${$id} did not compile`);
      this.#compiled.set($id, validate);
    }
  }

  #get(schemaId: string): ValidateFunction {
    const validate = this.#compiled.get(schemaId);
    if (!validate) throw new Error(`No schema with $id ${schemaId}`);
    return validate;
  }

  /**
   * Validates a copy of `data` (strings in NFC, instants in UTC) against the schema `schemaId`.
   *
   * @param what names the input in the error detail, e.g. "the body of SIGN".
   * @returns the normalised copy.
   * @throws AppError VALIDATION_FAILED with one `errors` entry per problem.
   */
  validate<T>(schemaId: string, data: unknown, what: string): T {
    const copy = normalizeText(structuredClone(data));
    const validate = this.#get(schemaId);
    if (!validate(copy)) {
      const errors = fieldErrors(validate.errors ?? []);
      const summary = errors
        .slice(0, 3)
        .map((e) => `${e.pointer || '(body)'} ${e.message}`)
        .join('; ');
      throw new AppError({ code: 'VALIDATION_FAILED', detail: `${what} is not valid: ${summary}`, errors });
    }
    return copy as T;
  }
}
