/**
 * The effects every engine of the service registers, in the order they are asked (see
 * `src/engine/README.md`): a state's deadlines before the cascades it starts, the parties before
 * the watchers (a watcher who is a party is e-mailed once), then the webhooks. Registered where an
 * engine is built (`src/service.ts`, the seed, the bulk loader, the tests' worlds); the engine
 * imports none of them.
 */
import type { CommitContributor } from '../engine/contributors.js';
import { cascadesContributor } from './deadlines/cascade-tasks.js';
import { stateDeadlinesContributor } from './deadlines/state-deadlines.js';
import { partiesContributor } from './mail/parties.js';
import { watchersContributor } from './watches/contributor.js';
import { webhooksContributor } from './webhooks/contributor.js';

/** Every effect a commit carries: deadlines, cascades, the parties' and the watchers' e-mail, webhooks. */
export function commitContributors(): CommitContributor[] {
  return [stateDeadlinesContributor, cascadesContributor, partiesContributor, watchersContributor, webhooksContributor];
}
