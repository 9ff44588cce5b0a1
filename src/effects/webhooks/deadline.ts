/**
 * The total time one exchange with a receiver may take: resolving its name, connecting, sending,
 * and its whole answer. A timeout on silence would not do: a receiver that trickles a byte a
 * second is never silent, and would hold a delivery slot (and a registration request) for as
 * long as it likes. Measured in real time, not the service clock: it bounds real network waits.
 */

/** An exchange that did not end by its deadline; `detail` says how far it got. */
export class DeadlineExceeded extends Error {
  constructor(readonly totalMs: number, readonly detail: string) {
    super(`no complete answer within ${totalMs} ms: ${detail}`);
    this.name = 'DeadlineExceeded';
  }
}

export class Deadline {
  readonly totalMs: number;
  readonly #end: number;

  constructor(totalMs: number) {
    this.totalMs = totalMs;
    this.#end = performance.now() + totalMs;
  }

  /** Milliseconds left, never below zero. */
  remainingMs(): number {
    return Math.max(0, this.#end - performance.now());
  }

  /**
   * `work`, or a `DeadlineExceeded` saying `detail` once the deadline passes first. The work is
   * not stopped (a name lookup cannot be), only no longer waited for.
   */
  race<T>(work: Promise<T>, detail: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceeded(this.totalMs, detail)), this.remainingMs());
    });
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
  }
}
