/**
 * Choices the texts leave to each economy, with our defaults (docs/domain.md). Configured in
 * `src/config.ts`; read by the rules that fill in an event's defaults.
 */

/** What happens when information a regulator asked for is not given by the answer deadline. */
export type InfoUnanswered = 'review' | 'close';

export interface Policies {
  /**
   * `review` (default): the application or report goes back to the regulator, who decides on what
   * it has; `close`: the application is objected to, the report rejected (INFO_NOT_PROVIDED).
   * A regulator may choose otherwise for one request (`onNoAnswer`).
   */
  infoUnanswered: InfoUnanswered;
}

export const DEFAULT_POLICIES: Policies = Object.freeze({ infoUnanswered: 'review' });
