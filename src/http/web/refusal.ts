/**
 * An engine refusal, as a page shows it: what the code means in the reader's language, the
 * reasons by their codes, and each field problem beside its field. The engine's own sentence
 * (which names the record or the rule) is kept as well, so nothing it said is lost.
 */
import type { AppError, FieldError } from '../../errors.js';
import type { PageContext } from './context.js';
import type { Refusal } from './components/form-parts.js';

const REQUIRED = /^missing required property "([^"]+)"$/;

/** `/equipment/model` -> `equipment.model`; a missing property names itself. */
function fieldOf(error: FieldError): string {
  const path = error.pointer.split('/').filter((p) => p !== '');
  const missing = REQUIRED.exec(error.message);
  if (missing) path.push(missing[1]!);
  return path.filter((p) => !/^\d+$/.test(p)).join('.');
}

function problemWord(context: PageContext, message: string): string {
  const words = context.text.fieldErrors;
  if (REQUIRED.test(message)) return words['required']!;
  if (/more than \d+ characters/.test(message)) return words['maxLength']!;
  if (/fewer than \d+ characters/.test(message)) return words['minLength']!;
  if (/must match pattern/.test(message)) return words['pattern']!;
  if (/date|format/.test(message)) return words['format']!;
  return `${words['invalid']!} (${message})`;
}

export function refusalOf(context: PageContext, error: AppError): Refusal {
  const fields: Record<string, string> = {};
  for (const fieldError of error.errors ?? []) {
    const field = fieldOf(fieldError) || 'form';
    fields[field] ??= problemWord(context, fieldError.message);
  }
  const reasons = Array.isArray(error.publicFields['reasons'])
    ? (error.publicFields['reasons'] as Array<{ code?: string; detail?: string }>).map(
        (reason) => context.wording.reasons[reason.code ?? ''] ?? [reason.code, reason.detail].filter(Boolean).join(': '),
      )
    : [];
  const meaning = context.text.errors[error.code] ?? context.text.errors['INTERNAL']!;
  // Field problems are worded beside their fields; other refusals keep the engine's own sentence,
  // which names the record and the rule.
  const message = Object.keys(fields).length > 0 ? meaning : `${meaning} ${error.detail}`;
  return { code: error.code, message, reasons, fields };
}
