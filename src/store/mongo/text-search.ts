/**
 * A find with free text on MongoDB, planned before it is sent: each trigram the fragments need is
 * counted through the trigram index, no further than `COUNT_LIMIT` keys, so the scan starts from
 * the rarest (`queries.ts`, `rarestFirst`); a trigram no instance holds answers an empty page at
 * once. The index is named (`hint`) only while it exists, since a hint naming a missing index is a
 * server error; and the search is bounded in time (`maxTimeMS`): one that runs out answers
 * UNAVAILABLE (503) with what to do, never a request that hangs.
 */
import { AppError } from '../../errors.js';
import type { Kind } from '../../kinds/types.js';
import type { FindQuery } from '../port.js';
import * as q from './queries.js';
import type { Runner } from './run.js';

/** Enough to tell a rare trigram from a common one; counting further would cost more than it saves. */
export const COUNT_LIMIT = 1_000;

/** How long the store trusts what it learnt of the trigram index: an operator may build or drop it meanwhile. */
const INDEX_CHECK_MS = 60_000;

/** MongoDB's code for a query that ran out of its `maxTimeMS`. */
const MAX_TIME_MS_EXPIRED = 50;

export function searchTimedOut(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === MAX_TIME_MS_EXPIRED;
}

export interface TextSearchOptions {
  /** How long the server may work on one search. */
  maxTimeMs: number;
  /** The names of the instances collection's indexes (`listIndexes`). */
  indexNames: () => Promise<string[]>;
  /** Milliseconds now: when the index was last checked. */
  now?: () => number;
}

export class TextSearch {
  readonly #run: Runner;
  readonly #options: TextSearchOptions;
  #indexChecked: { at: number; present: boolean } | null = null;

  constructor(run: Runner, options: TextSearchOptions) {
    this.#run = run;
    this.#options = options;
  }

  /** The read of a find with text, planned; null when a trigram no instance holds proves nothing matches. */
  async plan(kind: Kind, query: FindQuery): Promise<q.Read | null> {
    const grams = q.searchGrams(query.text ?? []);
    const textIndex = await this.#textIndexPresent();
    const counts = new Map<string, number>();
    if (textIndex) {
      const counted = await Promise.all(grams.map((gram) => this.#run.count(q.trigramCount(kind, gram, COUNT_LIMIT))));
      grams.forEach((gram, i) => counts.set(gram, counted[i]!));
      if (counted.includes(0)) return null;
    }
    return { ...q.findInstances(kind, query, { counts, textIndex }), maxTimeMs: this.#options.maxTimeMs };
  }

  /** Runs a planned read, answering a search that ran out of time as UNAVAILABLE. */
  async run<T>(read: q.Read): Promise<T[]> {
    try {
      return await this.#run.all<T>(read);
    } catch (error) {
      if (!searchTimedOut(error)) throw error;
      throw new AppError({
        code: 'UNAVAILABLE',
        detail: `The search took longer than ${read.maxTimeMs} ms and was stopped: type a longer fragment or add a filter (a state, a field), then try again.`,
        cause: error,
      });
    }
  }

  async #textIndexPresent(): Promise<boolean> {
    const now = (this.#options.now ?? Date.now)();
    if (this.#indexChecked === null || now - this.#indexChecked.at >= INDEX_CHECK_MS) {
      this.#indexChecked = { at: now, present: (await this.#options.indexNames()).includes(q.TEXT_INDEX) };
    }
    return this.#indexChecked.present;
  }
}
