/**
 * Shared vocabulary of the workflow machines and the declarative tables beside them.
 *
 * Machines are pure: they import xstate and these types only. Everything a machine needs from
 * the outside world (the time, who acts, facts from other records) arrives in its input or on
 * its events, stamped by the engine, so replaying the same events gives the same result.
 */
import type { AnyStateMachine } from 'xstate';

/** The workflow kinds, named as the API names its collections. */
export const KINDS = ['agreements', 'accreditations', 'designations', 'recognitions', 'test-reports', 'certificates', 'equivalences'] as const;
export type Kind = (typeof KINDS)[number];

/** Roles a principal can hold (docs/domain.md, "Roles"). */
export const PRINCIPAL_ROLES = [
  'regulator',
  'designating_authority',
  'accreditation_body',
  'lab',
  'importer',
  'admin',
] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/** `system` is the engine itself: deadlines and cascades act under it. */
export type Role = PrincipalRole | 'system';

/** Who sends an event. The engine copies it onto every event as `actor`. */
export interface Actor {
  id: string;
  role: Role;
  economy?: string;
  cabId?: string;
  name?: string;
  /** The organisation the principal acts for; rules with `principal` bind to it. */
  organisation?: string;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system', name: 'MRA Engine' });

/**
 * Stamped by the engine on every event before the machine sees it: the service clock's time and
 * the acting principal. Time is an input, never read by a machine, so machines stay deterministic.
 */
export interface EventMeta {
  at: string;
  actor: Actor;
}

/**
 * Who may do something. `role` must match; each other key names a field of the instance's data
 * whose value must equal the actor's economy, CAB or organisation (or contain it, for a list).
 *
 * @example { role: 'regulator', economy: 'importingEconomy' } // the importing economy's regulator
 */
export interface Rule {
  role: Role;
  economy?: string;
  cab?: string;
  principal?: string;
}

export const SYSTEM_ONLY: readonly Rule[] = [{ role: 'system' }];

/**
 * Who hears of a transition. `principals` selects every principal of a role whose economy is
 * the value (or one of the values) of a data field; `principal` names a data field holding an
 * organisation (every principal acting for it hears), `cab` one holding a CAB id (the CAB's own
 * contact address is used).
 */
export type PartyRule =
  | { principals: { role: PrincipalRole; economy: string } }
  | { principal: string }
  | { cab: string };

/**
 * A deadline a state sets on entry and clears on exit.
 * - `after`: a duration (named in the workflow's `durations`) after the state was entered;
 * - `at`: the instant in a data field, optionally a named duration `before` it.
 */
export type DeadlineRule =
  | { event: string; after: string }
  | { event: string; at: string; before?: string };

/**
 * When an instance enters one of `onEnter` (coming from one of `from`, if given), or takes one of
 * the events `onEvent` (a change that keeps the state, such as a narrowed scope), the engine
 * sends `event` to every instance of `target` in one of `inStates` whose fields equal this
 * instance's: `where` maps target search field -> source data field (`$id` is the source's id).
 * It runs through the engine like any event, with the system as actor and the cause recorded.
 */
export interface CascadeRule {
  name: string;
  /** States whose entry starts the cascade; or, with `onEvent`, events that start it whatever the state. */
  onEnter?: readonly string[];
  onEvent?: readonly string[];
  from?: readonly string[];
  target: Kind;
  where: Readonly<Record<string, string>>;
  inStates: readonly string[];
  event: string;
  payload?: (source: { id: string; state: string; data: Record<string, unknown> }) => Record<string, unknown>;
}

/**
 * A configurable duration: its default, what it measures, and where the default comes from.
 * `source` is the key of the text that gives it in docs/domain.md "Sources" (`'CFR-26.68'`), or
 * `'ours'` when no text we read gives it; `test/docs-citations.test.ts` checks that the key exists
 * and that the docs' table of durations says the same.
 */
export interface DurationSetting {
  default: string;
  meaning: string;
  source: DurationSource;
}

/** A citation key of docs/domain.md "Sources", or `'ours'`: a default of ours that no text gives. */
export type DurationSource = 'ours' | (string & {});

/**
 * A search field, matched exactly: a data path whose values are indexed (`fold` makes matching
 * case-insensitive), the values at any of several paths (`anyOf`: an importing and an exporting
 * economy, so that a filter by one economy finds the instance whichever side it is on), or a value
 * derived from the instance's state and data (e.g. the economy in whose public register a test
 * report is listed, or nothing while it is not).
 */
export type SearchField =
  | string
  | { path: string; fold: true }
  | { anyOf: readonly string[] }
  | { derive: (instance: { state: string; data: Record<string, unknown> }) => string | string[] | undefined };

/** Where files may be attached: on creation, and with which events. */
export interface DocumentRule {
  onCreate: boolean;
  events: readonly string[];
}

/**
 * Turns a record stored by an older machine version into one of the next version. `updatedAt` is
 * when the record was last written, for fields the older version did not keep.
 */
export type Migration = (record: { state: string; context: Record<string, unknown>; updatedAt: string }) => {
  state: string;
  context: Record<string, unknown>;
};

/**
 * Everything the engine needs to know about one workflow besides the machine itself. Plain data,
 * so the API can publish it (`GET /machines/{kind}`) and the tests can walk it.
 */
export interface Workflow<TMachine extends AnyStateMachine = AnyStateMachine> {
  kind: Kind;
  /** Singular, for people: "agreement", "test report". */
  noun: string;
  machine: TMachine;
  /** Bumped whenever a stored snapshot of the previous version could not be followed as is. */
  version: number;
  /** Migrations from older versions: `migrations[n]` turns version n into n + 1. */
  migrations: Readonly<Record<number, Migration>>;
  /** Who may create an instance (fields refer to the prepared input). */
  create: readonly Rule[];
  /** Who may send each event; an event the table does not list cannot be sent by anyone. */
  events: Readonly<Record<string, readonly Rule[]>>;
  /** Who may read an instance; absent means every authenticated principal. */
  readers?: readonly Rule[];
  parties: readonly PartyRule[];
  search: Readonly<Record<string, SearchField>>;
  /**
   * Free-text fields, name -> data path: folded (case, accents, đ) and indexed for partial
   * matching, so what a person types finds the record.
   */
  text?: Readonly<Record<string, string>>;
  /** Whether files (documents) may be attached, and when; absent means never. */
  documents?: DocumentRule;
  /** Combinations of search fields that identify at most one instance. */
  unique: readonly (readonly string[])[];
  deadlines: Readonly<Record<string, readonly DeadlineRule[]>>;
  /** Named durations, each with its default ("90 days", "27 working days", "3 years"), what it is for and its source. */
  durations: Readonly<Record<string, DurationSetting>>;
  cascades: readonly CascadeRule[];
}

/** Builds a workflow table with its types checked; a function only so inference works. */
export function defineWorkflow<TMachine extends AnyStateMachine>(workflow: Workflow<TMachine>): Workflow<TMachine> {
  return workflow;
}

/** A reason a decision went against the applicant, as recorded in data and history. */
export interface Reason {
  code: string;
  detail: string;
}

/** An interval in which something held: from `from` (inclusive) to `to` (exclusive, open if absent). */
export interface Period {
  from: string;
  to?: string;
}

/**
 * Instants compared as instants: negative when `a` is earlier than `b`, 0 when they are the same
 * moment, whatever their spelling (`…T02:00:00.000Z` and `…T09:00:00+07:00` are equal).
 */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Whether an instant falls in any of the periods. */
export function inAnyPeriod(periods: readonly Period[], at: string): boolean {
  return periods.some((p) => compareInstants(p.from, at) <= 0 && (p.to === undefined || compareInstants(at, p.to) < 0));
}

/** Closes the open period, if any, at `at`. */
export function closePeriods(periods: readonly Period[], at: string): Period[] {
  return periods.map((p) => (p.to === undefined ? { ...p, to: at } : p));
}

/** Opens a period at `at` unless one is already open. */
export function openPeriod(periods: readonly Period[], at: string): Period[] {
  return periods.some((p) => p.to === undefined) ? [...periods] : [...periods, { from: at }];
}
