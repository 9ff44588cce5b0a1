/**
 * Work a node runs beside the API (the outbox dispatcher, the deadline scheduler). Several nodes
 * may run the same worker on one store: each claims its items under a lease.
 */

export interface BackgroundWorker {
  readonly name: string;
  /** Starts polling; the first pass runs at once. */
  start(): void;
  /** Lets the item in hand finish and stops; resolves when none of the worker's work is running. */
  stop(): Promise<void>;
}

/** The part of a pino logger the workers write to. */
export interface WorkerLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A log that drops everything, for a worker nobody listens to. */
export const silentLog: WorkerLog = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
