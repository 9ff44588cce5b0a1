/**
 * A coded value of a record as a person reads it: `review` is "back to the regulator for a
 * decision", a document's `report` is "test report", `attachedWith: CREATE` is the event's words,
 * the `state` of an agreement among a decision's facts is that agreement's state in words. The
 * words come from `src/i18n/` (the e-mail wording and the page text); what has none stays as typed.
 */
import { isKind, kindModules } from '../../../kinds/index.js';
import type { Kind } from '../../../kinds/types.js';
import type { PageContext } from '../context.js';

/** The kind whose records are held under `key` (an object or a list of objects), as the kinds declare it. */
function relatedKind(key: string): Kind | undefined {
  return kindModules().find((m) => m.heldUnder?.includes(key))?.workflow.kind;
}

/** The kind the values under `key` of an object belong to: its own `kind`, a related record's, or the page's. */
export function kindUnder(kind: Kind, key: string, value: unknown): Kind {
  if (value && typeof value === 'object' && !Array.isArray(value) && isKind((value as Record<string, unknown>)['kind'])) return (value as Record<string, unknown>)['kind'] as Kind;
  return relatedKind(key) ?? kind;
}

/** The words for `value` held under the field `key` of a record of `kind`, or the value itself. */
export function valueWords(context: PageContext, kind: Kind | undefined, key: string, value: string): string {
  const { text, wording } = context;
  const found = (table: Readonly<Record<string, string>> | undefined) => table?.[value];
  const words = (() => {
    switch (key) {
      case 'onNoAnswer':
        return found(text.values.onNoAnswer);
      case 'language':
        return found(text.values.languages);
      case 'role':
        return found(text.files.roles) ?? found(wording.roles);
      case 'type':
        return found(text.cab.types);
      case 'state':
        return kind && found(wording.states[kind]);
      case 'event':
      case 'attachedWith':
        return kind && found(wording.events[kind])?.replace('{economy}', '…');
      case 'kind':
        return isKind(value) ? wording.nouns[value] : undefined;
      case 'reasons':
      case 'code':
        return found(wording.reasons);
      default:
        return found(text.values.codes[key]);
    }
  })();
  return words ?? value;
}

/** An option of a form's choice, in words: the field's path ends in the key its words are kept by. */
export function choiceWords(context: PageContext, path: string, value: string): string {
  return valueWords(context, undefined, path.split('.').at(-1) ?? path, value);
}
