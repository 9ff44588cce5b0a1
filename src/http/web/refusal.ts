/**
 * An engine refusal, as a page shows it: what the code means in the reader's language, the
 * reasons by their codes, and each field problem beside its field, worded from its ajv keyword
 * (never read back from the English sentence). The engine's own sentence (which names the record
 * or the rule) is kept as well, so nothing it said is lost.
 */
import type { AppError, FieldError } from '../../errors.js';
import type { FieldProblem } from '../../i18n/pages/types.js';
import type { PageContext } from './context.js';
import type { Refusal } from './components/form-parts.js';

/** `/equipment/model` -> `equipment.model`; a missing property names itself. */
function fieldOf(error: FieldError): string {
  const path = error.pointer.split('/').filter((p) => p !== '');
  const missing = error.keyword === 'required' ? error.params?.['missingProperty'] : undefined;
  if (typeof missing === 'string') path.push(missing);
  return path.filter((p) => !/^\d+$/.test(p)).join('.');
}

/** The page's word for a field problem, by its keyword; undefined when the page has none. */
function problemOf(error: FieldError): Exclude<FieldProblem, 'invalid'> | undefined {
  switch (error.keyword) {
    case 'required':
    case 'maxLength':
    case 'minLength':
    case 'pattern':
      return error.keyword;
    case 'format':
      return error.params?.['format'] === 'email' ? 'email' : 'format';
    case 'x-instant':
      return 'format';
    default:
      return undefined;
  }
}

function problemWord(context: PageContext, error: FieldError): string {
  const words = context.text.fieldErrors;
  const problem = problemOf(error);
  // A rule's own refusal (or a keyword the pages do not word) says what it is beside the word.
  return problem === undefined ? `${words.invalid} (${error.message})` : words[problem];
}

export function refusalOf(context: PageContext, error: AppError): Refusal {
  const fields: Record<string, string> = {};
  for (const fieldError of error.errors ?? []) {
    const field = fieldOf(fieldError) || 'form';
    fields[field] ??= problemWord(context, fieldError);
  }
  const reasons = Array.isArray(error.publicFields['reasons'])
    ? (error.publicFields['reasons'] as Array<{ code?: string; detail?: string }>).map(
        (reason) => context.wording.reasons[reason.code ?? ''] ?? [reason.code, reason.detail].filter(Boolean).join(': '),
      )
    : [];
  // A write the store did not confirm may have been kept: the reader must look before sending again.
  const word = error.code === 'STORE_UNAVAILABLE' && error.publicFields['written'] === 'unknown' ? 'STORE_UNCONFIRMED' : error.code;
  const meaning = context.text.errors[word] ?? context.text.errors['INTERNAL']!;
  // Field problems are worded beside their fields; other refusals keep the engine's own sentence,
  // which names the record and the rule.
  const message = Object.keys(fields).length > 0 ? meaning : `${meaning} ${error.detail}`;
  return { code: error.code, message, reasons, fields };
}
