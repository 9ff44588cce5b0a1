/**
 * One transition, as every part of the store sees it. `TransitionRecord` holds the facts of a
 * transition once; history, the e-mail's notification and the webhook payload are cut from it
 * (`Pick`/`Omit`), so a fact added to a transition is added in one place.
 */
import type { Actor, Kind } from '../../kinds/types.js';

/** One transition of one instance: what happened, to what, by whom, when and why. */
export interface TransitionRecord {
  kind: Kind;
  instanceId: string;
  /** The instance version the transition produced (1 for the creation). */
  seq: number;
  at: string;
  /** The event; `CREATE` for the creation. */
  event: string;
  actor: Actor;
  from: string | null;
  to: string;
  payload: Record<string, unknown>;
  /** What the engine found out before deciding (e.g. a lab's recognition on a test date). */
  facts?: Record<string, unknown>;
  /** Why the system acted: the deadline that fired or the transition that cascaded. */
  cause?: Record<string, unknown>;
}

/**
 * One transition, as history shows it (and the API serves it): the record without the instance it
 * belongs to (the caller named it), its event under the name `type` the API and stored rows use.
 * `seq` equals the instance version it produced.
 */
export type HistoryEntry = Omit<TransitionRecord, 'kind' | 'instanceId' | 'event'> & {
  /** The event; `CREATE` for the creation. */
  type: TransitionRecord['event'];
};

/**
 * Everything needed to write the e-mail about one transition, frozen at commit time: the
 * transition record without its facts (e-mails do not show them), with the instance's data and
 * pending deadlines after the transition. An adapter may keep the record's part once, on the
 * history row (`src/store/sqlite/mail-rows.ts`).
 */
export type Notification = Omit<TransitionRecord, 'facts'> & {
  data: Record<string, unknown>;
  /** The deadlines pending after the transition. */
  deadlines: Array<{ type: string; dueAt: string }>;
};
