/**
 * The one retry-on-conflict rule: a step that lost a race to a concurrent commit of the same
 * instance (VERSION_CONFLICT) is judged again on the fresh record, a few times at most. Used by a
 * sender that meant "whatever the state is now" (no expected version) and by the system's events
 * (deadlines, cascades).
 */
import { isAppError } from '../errors.js';

/** How often a step that lost a race to a concurrent commit is judged again on the fresh record. */
export const RACE_RETRIES = 3;

/**
 * Runs `attempt` (which loads the record afresh each time) until it does not lose a race, at most
 * `RACE_RETRIES` times; any other failure, or the last conflict, is thrown.
 *
 * @example await retryOnConflict(async () => step(await load(kind, id), event))
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isAppError(error, 'VERSION_CONFLICT') || tries >= RACE_RETRIES) throw error;
    }
  }
}
