/**
 * An engine refusal, as a page shows it: what the code means in the reader's language, the
 * reasons by their codes, and each field problem beside its field, worded from its ajv keyword
 * (never read back from the English sentence). The engine's own sentence (which names the record
 * or the rule) is English: an English page keeps it, so nothing it said is lost; a Vietnamese page
 * is wholly Vietnamese (`src/i18n/pages/refusals.ts`).
 */
import type { AppError, FieldError } from '../../errors.js';
import { refusalTexts } from '../../i18n/pages/refusals.js';
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
  if (problem !== undefined) return words[problem];
  const refusal = refusalTexts[context.language];
  // A rule's own refusal (or a keyword the pages do not word) says what it is beside the word, to
  // a reader of the engine's language; any other reader gets the keyword's words or the general one.
  if (refusal.showsEngineSentence) return `${words.invalid} (${error.message})`;
  return (error.keyword === undefined ? undefined : refusal.keywords[error.keyword]) ?? words.invalid;
}

export function refusalOf(context: PageContext, error: AppError): Refusal {
  const fields: Record<string, string> = {};
  for (const fieldError of error.errors ?? []) {
    const field = fieldOf(fieldError) || 'form';
    fields[field] ??= problemWord(context, fieldError);
  }
  const refusal = refusalTexts[context.language];
  const reasons = Array.isArray(error.publicFields['reasons'])
    ? (error.publicFields['reasons'] as Array<{ code?: string; detail?: string }>).map(
        (reason) =>
          context.wording.reasons[reason.code ?? ''] ??
          (refusal.showsEngineSentence ? [reason.code, reason.detail].filter(Boolean).join(': ') : refusal.reason(reason.code ?? '')),
      )
    : [];
  // A write the store did not confirm may have been kept: the reader must look before sending again.
  const word = error.code === 'STORE_UNAVAILABLE' && error.publicFields['written'] === 'unknown' ? 'STORE_UNCONFIRMED' : error.code;
  const meaning = context.text.errors[word] ?? context.text.errors['INTERNAL']!;
  // Field problems are worded beside their fields; other refusals keep the engine's own sentence,
  // which names the record and the rule, for a reader of its language.
  const message = Object.keys(fields).length > 0 || !refusal.showsEngineSentence ? meaning : `${meaning} ${error.detail}`;
  return { code: error.code, message, reasons, fields };
}
