/**
 * Per-kind rules the engine applies around the machine: fields it derives from the actor,
 * references it checks, facts it gathers before a decision, defaults it fills into an event.
 * They read the store; the machines never do.
 */
import type { Duration } from '../../durations.js';
import type { Actor, Kind, Reason } from '../types.js';
import type { DirectoryStore, InstanceRecord, InstanceStore } from '../../store/port.js';
import type { Policies } from '../policies.js';
import type { Counterparts } from './counterparts.js';
import type { ReadableRecord, RecordReader } from './reader.js';

/** The configured durations, as the rules read them (the engine's `Durations` table is one). */
export interface DurationLookup {
  get(kind: Kind, name: string): Duration;
  /** The duration `kind.name` in words ("90 days"). */
  describe(key: string): string;
}

export interface RuleContext extends RecordReader {
  store: InstanceStore & DirectoryStore;
  actor: Actor;
  /** The store's record if `actor` may read it: how a body's references are resolved (`references.ts`). */
  readable: ReadableRecord;
  now: Date;
  durations: DurationLookup;
  policies: Policies;
  /** Which importing regulations a document's foreign requirements count for (`counterparts.ts`). */
  counterparts: Counterparts;
}

export type Body = Record<string, unknown>;
export type EventBody = Body & { type: string };

export interface Assessment {
  /** The machine's input. */
  input: Body;
  /** What was found out, recorded in the creation's history entry. */
  facts?: Record<string, unknown>;
}

export interface PreparedEvent {
  event: EventBody;
  facts?: Record<string, unknown>;
}

export interface KindRules {
  /** Adds the fields that come from the actor or from references, before authorisation. */
  derive?(body: Body, context: RuleContext): Promise<Body>;
  /** Checks references and gathers facts, after authorisation; may refuse. */
  assess?(input: Body, context: RuleContext): Promise<Assessment>;
  /** Checks an event's payload against the instance and fills in defaults, after authorisation. */
  prepareEvent?(record: InstanceRecord, event: EventBody, context: RuleContext): Promise<PreparedEvent>;
  /** Why the record's state does not take the event, when the procedure gives a reason worth telling (its code is worded in the kind's words). */
  whyNotAccepted?(record: InstanceRecord, event: EventBody & { actor: Actor }): Reason | undefined;
}
