/**
 * Everything that is one kind's own, as the registry (`src/kinds/index.ts`) holds it: the machine
 * with its table, the rules around it, its schemas, its words and its particulars. The API routes,
 * the pages, the OpenAPI document, the wording and the search definitions are derived from it.
 */
import type { Workflow } from '../types.js';
import type { Counterparts } from './counterparts.js';
import type { Particulars } from './particulars.js';
import type { KindRules } from './rules.js';
import type { KindLanguages } from './words.js';

/** A JSON schema with its `$id`, as ajv registers it and the OpenAPI document names it. */
export interface IdentifiedSchema {
  readonly $id: string;
  readonly properties?: Readonly<Record<string, object>>;
}

export interface KindSchemas {
  /** The body that creates an instance. */
  create: IdentifiedSchema;
  /** The body of each event, by event type. */
  events: Readonly<Record<string, IdentifiedSchema>>;
  /** The query of the list: its state, a page and the kind's search filters. */
  list: IdentifiedSchema;
}

/** One kind, as registered. `S` and `L` tie its words to its particulars. */
export interface KindModule<S = never, L = unknown> {
  workflow: Workflow;
  rules: KindRules;
  schemas: KindSchemas;
  words: KindLanguages<S, L>;
  particulars: Particulars<S, L>;
  /**
   * Keys under which other records (and screening facts) hold records of this kind: `agreement`
   * in a recognition's facts is an agreement. The pages word what they find there as this kind's.
   */
  heldUnder?: readonly string[];
  /** What this kind tells the others about foreign requirements; one registered kind provides them. */
  counterparts?: Counterparts;
}

/** Any kind, whatever its particulars. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKindModule = KindModule<any, any>;

/** Builds a kind module with its words and particulars checked against each other. */
export function defineKind<S, L>(module: KindModule<S, L>): KindModule<S, L> {
  return module;
}
