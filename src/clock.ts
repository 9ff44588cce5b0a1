/**
 * The service's one clock. Everything that needs the time (the engine stamping events, deadlines,
 * the dispatcher's backoff) asks a `Clock`, so tests and demos can move time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs forward in real time (`MRA_NOW`).
 *
 * @example offsetClock(new Date('2030-01-01T00:00:00Z')) // a year-2030 demo that keeps ticking
 */
export function offsetClock(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock that moves only when told: tests, and seeding a scenario at chosen moments. */
export class ManualClock implements Clock {
  #time: number;

  constructor(start: Date | string) {
    this.#time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#time);
  }

  set(instant: Date | string): void {
    this.#time = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.#time += ms;
  }
}
