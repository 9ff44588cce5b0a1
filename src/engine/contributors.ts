/**
 * What a commit causes beyond the instance (e-mail, watches, webhooks, deadlines, cascades) plugs
 * into the engine as a commit contributor, registered where the service is wired
 * (`src/effects/contributors.ts`). The engine owns this interface and imports no effect: it asks
 * each contributor in turn what the transition adds, and writes all of it in the transition's own
 * commit, so an effect is written exactly when its transition is (docs/architecture.md, "Atomic
 * transitions").
 */
import type { Actor, Workflow } from '../kinds/types.js';
import type { Durations } from '../kinds/durations-table.js';
import type { Recipient, SearchFields, Store, TimerDraft, WebhookDeliveryDraft } from '../store/port.js';

/** The transition being committed, as every contributor sees it. */
export interface CommittedTransition {
  workflow: Workflow;
  /** The instance's id. */
  id: string;
  /** The history sequence number this transition takes (1 for a creation). */
  seq: number;
  event: { type: string; payload: Record<string, unknown> };
  /** The state left; null for a creation. */
  from: string | null;
  to: string;
  /** Whether the instance entered `to` (a creation, or a change of state), rather than stayed in it. */
  entered: boolean;
  /** The instance's data after the transition. */
  data: Record<string, unknown>;
  /** The instance's data before it; null for a creation. */
  before: Record<string, unknown> | null;
  /** The instance's searchable fields after the transition. */
  fields: SearchFields;
  actor: Actor;
  at: Date;
}

/** What the contributors asked before this one have added, in the order they were asked. */
export interface Contribution {
  /** Who is e-mailed about the transition, each address once: one outbox message each. */
  recipients: Recipient[];
  /** Timers the commit adds: the deadlines of the state entered, cascade tasks due at once. */
  timers: TimerDraft[];
  /** Whether the commit cancels the pending state deadlines of the state it left. */
  cancelStateDeadlines: boolean;
  /** The state kept: the events whose pending state deadlines the commit cancels, their anchor having moved. */
  cancelStateDeadlinesOf: string[];
  /** Webhook deliveries, their bodies frozen now. */
  webhooks: WebhookDeliveryDraft[];
}

/** What a contributor may read while the commit is planned: the store as the commit's batch sees it. */
export interface ContributorReads {
  store: Store;
  durations: Durations;
}

export interface CommitContributor {
  /** Names the effect in errors and docs (`mail`, `watches`, …). */
  readonly name: string;
  /**
   * What `transition` adds to its commit, given what earlier contributors added (`so far`, read
   * only: a watcher who is already a party is not e-mailed twice). Reads only; writes nothing:
   * the engine writes the whole commit at once, or nothing of it.
   *
   * @example { recipients: [{ address: 'lab@example.org', name: 'Lab', language: 'en', party: 'cab' }] }
   */
  contribute(transition: CommittedTransition, soFar: Readonly<Contribution>, reads: ContributorReads): Promise<Partial<Contribution>>;
}

/** Asks every contributor in turn, each seeing what those before it added. */
export async function gatherContributions(
  contributors: readonly CommitContributor[],
  transition: CommittedTransition,
  reads: ContributorReads,
): Promise<Contribution> {
  const soFar: Contribution = { recipients: [], timers: [], cancelStateDeadlines: false, cancelStateDeadlinesOf: [], webhooks: [] };
  for (const contributor of contributors) {
    const added = await contributor.contribute(transition, soFar, reads);
    soFar.recipients.push(...(added.recipients ?? []));
    soFar.timers.push(...(added.timers ?? []));
    soFar.webhooks.push(...(added.webhooks ?? []));
    soFar.cancelStateDeadlines ||= added.cancelStateDeadlines ?? false;
    soFar.cancelStateDeadlinesOf.push(...(added.cancelStateDeadlinesOf ?? []));
  }
  return soFar;
}
