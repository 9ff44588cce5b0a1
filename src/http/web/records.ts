/**
 * Reading records for the signed-in pages, always through the store's own `find` (an index and a
 * cursor, never a whole kind in memory): a list per kind, newest first, with filters by state,
 * economy (every kind has an `economy` search field listing the economies it names) and text (its
 * free-text fields, accents and case ignored); and "my work", what this person's organisation may
 * act on now, the soonest deadline first.
 */
import { workflows } from '../../kinds/index.js';
import type { Actor, Kind, Rule, Workflow } from '../../kinds/types.js';
import { ruleBindings } from '../../engine/authorize.js';
import type { Engine, ListQuery } from '../../engine/engine.js';
import type { Resource } from '../../engine/resource.js';
import { searchFragments } from '../../search/fold.js';
import type { Page } from '../../store/port.js';

export const PAGE_SIZE = 25;
/** How many records of one kind "my work" reads at most for each party field it looks under. */
export const WORK_PER_KIND = 50;

export interface RecordFilters {
  state: string;
  economy: string;
  text: string;
}

export function filtersOf(query: Record<string, unknown>): RecordFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name]).trim().slice(0, 200) : '');
  return { state: text('state'), economy: text('economy').toUpperCase(), text: text('q') };
}

/** Text typed that is too short for the index (under three letters): the page says so and does not search. */
export function textTooShort(filters: RecordFilters): boolean {
  return filters.text !== '' && searchFragments(filters.text).length === 0;
}

/** The filters as a list query: `economy` is a search field of every kind. */
function filtersQuery(filters: RecordFilters): Pick<ListQuery, 'states' | 'where' | 'q'> {
  return {
    ...(filters.state ? { states: [filters.state] } : {}),
    where: filters.economy ? { economy: filters.economy } : {},
    ...(filters.text ? { q: filters.text } : {}),
  };
}

/** One page of the records of a kind the actor may read, newest first. */
export function listRecords(engine: Engine, kind: Kind, actor: Actor, filters: RecordFilters, cursor: string | null): Promise<Page<Resource>> {
  return engine.list(kind, { ...filtersQuery(filters), order: 'newest', limit: PAGE_SIZE, cursor }, actor);
}

/** Where a role may act in a kind: the states accepting some of its events, under one party field's value. */
export interface WorkSlice {
  states: string[];
  /** Search field -> the actor's own value (e.g. importingEconomy -> VN for a regulator of VN). */
  where: Record<string, string>;
}

/**
 * The search field indexing exactly the data path a rule binds, so that the rule's party
 * restriction is answered by the index; undefined when there is none (the events then decide).
 */
function fieldFor(workflow: Workflow, path: string): string | undefined {
  return Object.entries(workflow.search).find(([, field]) => field === path)?.[0];
}

function bindingOf(workflow: Workflow, rule: Rule, actor: Actor): Record<string, string> | null {
  const where: Record<string, string> = {};
  for (const [path, mine] of ruleBindings(rule, actor)) {
    if (mine === undefined) return null;
    const field = fieldFor(workflow, path);
    if (field !== undefined) where[field] = mine;
  }
  return where;
}

/** States (not final) in which one of `events` has a transition, on the state or on the whole machine. */
function statesAccepting(workflow: Workflow, events: ReadonlySet<string>): string[] {
  const { machine } = workflow;
  const everywhere = [...machine.root.transitions.keys()].some((event) => events.has(event));
  return Object.entries(machine.states)
    .filter(([, node]) => node.type !== 'final' && (everywhere || [...node.transitions.keys()].some((event) => events.has(event))))
    .map(([name]) => name);
}

/** Where the actor's role has events in a kind, grouped by the party field its rules bind. */
export function workSlices(kind: Kind, actor: Actor): WorkSlice[] {
  const workflow = workflows[kind];
  const groups = new Map<string, { where: Record<string, string>; events: Set<string> }>();
  for (const [event, rules] of Object.entries(workflow.events)) {
    for (const rule of rules) {
      if (rule.role !== actor.role) continue;
      const where = bindingOf(workflow, rule, actor);
      if (where === null) continue;
      const key = JSON.stringify(Object.entries(where).sort());
      const group = groups.get(key) ?? { where, events: new Set<string>() };
      group.events.add(event);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map(({ where, events }) => ({ where, states: statesAccepting(workflow, events) }))
    .filter((slice) => slice.states.length > 0);
}

export interface Work {
  /** What the actor may act on now, the soonest pending deadline first. */
  rows: Resource[];
  /** Kinds with more candidates than were read: their lists show the rest. */
  more: Kind[];
}

function soonest(resource: Resource): string {
  return resource.deadlines.map((d) => d.dueAt).sort()[0] ?? '9999';
}

/**
 * What the actor's organisation may act on now, across kinds: for each kind, a bounded page
 * (oldest first: what has waited longest) of the records in the states where the actor's role
 * has events and under its own party field, through the index; then those it may really act on
 * (the guards decide), the soonest deadline first.
 */
export async function myWork(engine: Engine, kinds: readonly Kind[], actor: Actor, filters: RecordFilters): Promise<Work> {
  const reads = kinds.flatMap((kind) =>
    workSlices(kind, actor).flatMap((slice) => {
      const states = filters.state ? slice.states.filter((state) => state === filters.state) : slice.states;
      const clash = filters.economy !== '' && slice.where['economy'] !== undefined && slice.where['economy'] !== filters.economy;
      if (states.length === 0 || clash) return [];
      const where = { ...slice.where, ...(filters.economy ? { economy: filters.economy } : {}) };
      const query: ListQuery = { states, where, ...(filters.text ? { q: filters.text } : {}), limit: WORK_PER_KIND };
      return [engine.list(kind, query, actor).then((page) => ({ kind, page }))];
    }),
  );
  const seen = new Set<string>();
  const rows: Resource[] = [];
  const more = new Set<Kind>();
  for (const { kind, page } of await Promise.all(reads)) {
    if (page.nextCursor !== null) more.add(kind);
    for (const resource of page.items) {
      const key = `${kind}/${resource.id}`;
      if (seen.has(key) || resource.nextEvents.length === 0) continue;
      seen.add(key);
      rows.push(resource);
    }
  }
  rows.sort((a, b) => soonest(a).localeCompare(soonest(b)) || a.createdAt.localeCompare(b.createdAt));
  return { rows, more: kinds.filter((kind) => more.has(kind)) };
}
