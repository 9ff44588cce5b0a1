/**
 * The one ajv instance (JSON Schema 2020-12 + formats). Every schema of `src/schemas/` is compiled
 * once, at start-up; callers validate by `$id` and get either the data, normalised, or an
 * `AppError` listing every problem with a JSON Pointer to the field.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { PATTERN_MEANINGS } from './schemas/common.js';
import { allSchemas } from './schemas/index.js';
import { AppError, type FieldError } from './errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** RFC 3339 as ajv-formats takes it: `T` or a space between date and time, either case. */
const INSTANT_SHAPE = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::(\d{2})(?:\.\d+)?)?)([Zz]|[+-]\d{2}:\d{2}))?$/;

interface KeywordContext {
  parentData: Record<string | number, unknown>;
  parentDataProperty: string | number;
}

type InstantKeyword = ((schema: boolean, data: unknown, parent?: unknown, cxt?: KeywordContext) => boolean) & { errors?: Array<Partial<ErrorObject>> };

/**
 * Instants are stored in one canonical form, `Date.toISOString()` (UTC, milliseconds, `T`, `Z`),
 * so that every stored instant compares correctly as text and reads the same everywhere. Input
 * in any RFC 3339 spelling (a zone offset, a space for `T`, no seconds) or a date alone (00:00 UTC)
 * is rewritten to it; one that names no real instant (a leap second, `23:59:60`, which `Date`
 * cannot hold) is refused here, before anything reads it.
 */
const normaliseInstant: InstantKeyword = (_schema, data, _parent, cxt) => {
  if (typeof data !== 'string' || !cxt) return true;
  const shape = INSTANT_SHAPE.exec(data);
  // Anything else is not an instant at all: the schema's `anyOf` of formats says so.
  if (!shape) return true;
  const [, date, time, seconds, zone] = shape;
  if (seconds === '60') {
    normaliseInstant.errors = [{ keyword: 'x-instant', message: 'is a leap second (:60), which cannot be stored; use :59 or the next minute', params: {} }];
    return false;
  }
  const millis = Date.parse(time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${zone!.toUpperCase()}`);
  if (Number.isNaN(millis)) {
    normaliseInstant.errors = [{ keyword: 'x-instant', message: 'is not a real instant', params: {} }];
    return false;
  }
  cxt.parentData[cxt.parentDataProperty] = new Date(millis).toISOString();
  return true;
};

/**
 * What a line of text may not hold: C0 controls (CR and LF among them), DEL, C1 controls, the
 * Unicode line and paragraph separators, and every bidirectional control (the marks U+200E,
 * U+200F and U+061C, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069),
 * which make a name or a reason read other than it is stored.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const NOT_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, but for `\n`: text of several lines. */
// eslint-disable-next-line no-control-regex -- as above
const NOT_IN_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** `U+000D`: how a refusal names the character it found. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

type TextKeyword = ((schema: 'line' | 'lines', data: unknown) => boolean) & { errors?: Array<Partial<ErrorObject>> };

/** `x-text: line | lines`: what a person's text may hold (src/schemas/common.ts says why). */
const checkText: TextKeyword = (lines, data) => {
  if (typeof data !== 'string') return true;
  const found = (lines === 'line' ? NOT_IN_A_LINE : NOT_IN_LINES).exec(data);
  if (!found) return true;
  const what = lines === 'line' ? 'must be one line of text' : 'must be plain text (lines end in \\n alone)';
  checkText.errors = [
    { keyword: 'x-text', message: `${what}, without control characters or bidirectional overrides; found ${codePoint(found[0])}`, params: { found: codePoint(found[0]) } },
  ];
  return false;
};

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, useDefaults: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-instant', schemaType: 'boolean', modifying: true, errors: true, validate: normaliseInstant });
  ajv.addKeyword({ keyword: 'x-text', schemaType: 'string', metaSchema: { enum: ['line', 'lines'] }, errors: true, validate: checkText });
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

/** The sentence the API shows for one ajv error. */
function sentenceOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(error.params['additionalProperty'])}"`;
    case 'required':
      return `missing required property "${String(error.params['missingProperty'])}"`;
    case 'enum':
      return `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(error.params['allowedValue'])}`;
    case 'pattern':
      return PATTERN_MEANINGS[String(error.params['pattern'])] ?? `must match the pattern ${String(error.params['pattern'])}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** One ajv error as a field error: its sentence for people, its keyword and params for programs. */
function toFieldError(error: ErrorObject): FieldError {
  return { pointer: error.instancePath, message: sentenceOf(error), keyword: error.keyword, params: error.params };
}

/** The errors of the branches of a failed `anyOf` (ajv reports them just before it). */
function branchErrors(errors: ErrorObject[], anyOf: ErrorObject): ErrorObject[] {
  return errors.filter((e) => e !== anyOf && e.instancePath === anyOf.instancePath && e.schemaPath.startsWith(`${anyOf.schemaPath}/`));
}

/**
 * One sentence for a failed `anyOf`: the alternatives of required properties ("reportNumber", or
 * "manufacturer" and "model"), or the two shapes of an instant.
 */
function anyOfError(errors: ErrorObject[], anyOf: ErrorObject): FieldError {
  const branches = branchErrors(errors, anyOf);
  if (branches.length > 0 && branches.every((e) => e.keyword === 'required')) {
    const byBranch = new Map<string, string[]>();
    for (const e of branches) {
      const branch = e.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), `"${String(e.params['missingProperty'])}"`]);
    }
    const alternatives = [...byBranch.values()];
    return {
      pointer: anyOf.instancePath,
      message: `needs ${alternatives.map((names) => names.join(' and ')).join(', or ')}`,
      keyword: 'anyOf',
      params: { alternatives: alternatives.map((names) => names.map((name) => name.slice(1, -1))) },
    };
  }
  // The one other `anyOf` of the schemas is an instant's two shapes (src/schemas/common.ts).
  return { pointer: anyOf.instancePath, message: 'must be an ISO 8601 date-time with a time zone, or a date', keyword: 'format', params: { format: 'date-time' } };
}

/** Drops the noise ajv adds for a failed `anyOf`, saying it in one sentence instead. */
function fieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  const inBranches = new Set(errors.filter((e) => e.keyword === 'anyOf').flatMap((anyOf) => branchErrors(errors, anyOf)));
  for (const error of errors) {
    if (inBranches.has(error)) continue;
    const fieldError = error.keyword === 'anyOf' ? anyOfError(errors, error) : toFieldError(error);
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
  readonly #ajv = createAjv();

  /** Compiles every schema now, so a broken schema stops start-up rather than a request. */
  constructor() {
    this.#compileNew();
  }

  /** Compiles the schemas not compiled yet: all at first, then those of a kind registered since. */
  #compileNew(): void {
    // Every new schema is added before any is compiled: one may refer to another.
    const fresh = allSchemas().filter((schema) => !this.#compiled.has(schema.$id));
    for (const schema of fresh) this.#ajv.addSchema(schema);
    for (const { $id } of fresh) {
      const validate = this.#ajv.getSchema($id);
      if (!validate) throw new Error(`Schema ${$id} did not compile`);
      this.#compiled.set($id, validate);
    }
  }

  #get(schemaId: string): ValidateFunction {
    if (!this.#compiled.has(schemaId)) this.#compileNew();
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
        // A problem with the whole input (a missing or unknown member) has no pointer to show.
        .map((e) => (e.pointer ? `${e.pointer} ${e.message}` : e.message))
        .join('; ');
      throw new AppError({ code: 'VALIDATION_FAILED', detail: `${what} is not valid: ${summary}`, errors });
    }
    return copy as T;
  }
}
