/**
 * The words a kind owns, in each language: what it is called, its states, events, the deadlines
 * its states set, the reasons its decisions give, and the labels of what identifies one. Each kind
 * keeps them in its own `words.ts`; `src/i18n/` assembles the per-kind tables from the registry
 * and keeps only the words no kind owns.
 */

/** The languages people read, chosen by each principal's `language`. */
export type Language = 'en' | 'vi';

/** Words keyed by state, event, deadline or reason code, as the machine and the rules name them. */
export type Words = Readonly<Record<string, string>>;

/** A form field's label and, where it helps, a line of help. */
export interface FieldText {
  label: string;
  help?: string;
}

/**
 * One kind's words in one language. `S` is what its subject line names (see its `particulars.ts`),
 * `L` the labels of its particulars.
 */
export interface KindWords<S = never, L = unknown> {
  /** The kind in a sentence, lower case: "recognition", "thỏa thuận". */
  noun: string;
  /** The title of its list: "Recognitions". */
  plural: string;
  /** The record as a subject line names it: "Recognition of … by KR". */
  subject: (parts: S) => string;
  /** Every state the machine can be in. */
  states: Words;
  /** Every event (and `CREATE`), as "what happened". `{economy}` is the acting principal's economy. */
  events: Words;
  /** The end of the subject line for events that keep the state (reminders, a first signature). */
  unchanged: Words;
  /** What happens next, once an instance is in a state. */
  next: Words;
  /** The deadlines the states set, by the event they fire. */
  deadlines: Words;
  /** The reason codes its decisions record. */
  reasons: Words;
  /** The labels of its particulars. */
  labels: L;
  /** Labels of form fields that only this kind has (the pages merge them into their field list). */
  fields?: Readonly<Record<string, FieldText>>;
  /** Events as the actions that send them, where the shared list has no words for them. */
  actions?: Words;
}

/** A kind's words in every language. */
export type KindLanguages<S = never, L = unknown> = Readonly<Record<Language, KindWords<S, L>>>;
