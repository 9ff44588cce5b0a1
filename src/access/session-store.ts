/**
 * express-session's store on our store port, so web sessions live where everything else does
 * (SQLite now, MongoDB later) and every node of one store shares them. A session records the
 * principal it signed in, so disabling that principal can end all of its sessions at once.
 */
import session from 'express-session';
import type { Clock } from '../clock.js';
import type { AccessStore } from '../store/port.js';

type Done = (error?: unknown) => void;

export class PortSessionStore extends session.Store {
  readonly #store: AccessStore;
  readonly #clock: Clock;
  readonly #lifetimeMs: number;

  constructor(options: { store: AccessStore; clock: Clock; lifetimeMs: number }) {
    super();
    this.#store = options.store;
    this.#clock = options.clock;
    this.#lifetimeMs = options.lifetimeMs;
  }

  /** A lifetime from now on the service clock (the cookie's own expiry is in real time; with MRA_NOW they differ). */
  #expiresAt(): string {
    return new Date(this.#clock.now().getTime() + this.#lifetimeMs).toISOString();
  }

  override get(sid: string, done: (error: unknown, data?: session.SessionData | null) => void): void {
    this.#store.getSession(sid, this.#clock.now().toISOString()).then(
      (found) => done(null, found ? (found.data as unknown as session.SessionData) : null),
      (error: unknown) => done(error),
    );
  }

  override set(sid: string, data: session.SessionData, done?: Done): void {
    const record = { id: sid, principalId: data.principalId ?? null, data: data as unknown as Record<string, unknown>, expiresAt: this.#expiresAt() };
    this.#store.putSession(record).then(() => done?.(), (error: unknown) => done?.(error));
  }

  override touch(sid: string, data: session.SessionData, done?: Done): void {
    this.set(sid, data, done);
  }

  override destroy(sid: string, done?: Done): void {
    this.#store.deleteSession(sid).then(() => done?.(), (error: unknown) => done?.(error));
  }
}

declare module 'express-session' {
  interface SessionData {
    /** The principal signed in with this session. */
    principalId?: string;
  }
}
