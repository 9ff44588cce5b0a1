/**
 * The durations every workflow declares, with their defaults (docs/domain.md, "Default durations"), overridden by
 * configuration (`recognitions.review: "60 days"`).
 */
import { workflows, type Kind } from './index.js';
import { formatDuration, parseDuration, type Duration } from '../durations.js';
import { AppError } from '../errors.js';

export type DurationOverrides = Readonly<Record<string, string>>;

export class Durations {
  readonly #table = new Map<string, Duration>();

  /** @throws AppError CONFIG_INVALID for an unknown name or an unreadable duration. */
  constructor(overrides: DurationOverrides = {}) {
    for (const workflow of Object.values(workflows)) {
      for (const [name, setting] of Object.entries(workflow.durations)) {
        this.#table.set(`${workflow.kind}.${name}`, parseDuration(setting.default));
      }
    }
    for (const [key, text] of Object.entries(overrides)) {
      if (!this.#table.has(key)) {
        throw new AppError({
          code: 'CONFIG_INVALID',
          detail: `There is no duration "${key}"; the durations are: ${Durations.names().join(', ')}.`,
        });
      }
      try {
        this.#table.set(key, parseDuration(text));
      } catch (error) {
        throw new AppError({ code: 'CONFIG_INVALID', detail: `Duration ${key}: ${(error as Error).message}`, cause: error });
      }
    }
  }

  /** Every configurable duration, `kind.name`. */
  static names(): string[] {
    return Object.values(workflows).flatMap((w) => Object.keys(w.durations).map((name) => `${w.kind}.${name}`));
  }

  /** What the duration `kind.name` measures. */
  static meaning(key: string): string {
    const [kind, name] = key.split('.') as [Kind, string];
    return workflows[kind].durations[name]?.meaning ?? '';
  }

  /** Where the default of the duration `kind.name` comes from: a key of docs/domain.md's Sources, or `ours`. */
  static source(key: string): string {
    const [kind, name] = key.split('.') as [Kind, string];
    return workflows[kind].durations[name]?.source ?? 'ours';
  }

  /** The duration `kind.name` as configured, in words ("90 days"). */
  describe(key: string): string {
    const duration = this.#table.get(key);
    if (!duration) throw new Error(`No duration ${key}`);
    return formatDuration(duration);
  }

  get(kind: Kind, name: string): Duration {
    const duration = this.#table.get(`${kind}.${name}`);
    if (!duration) throw new Error(`Workflow ${kind} names an undeclared duration "${name}"`);
    return duration;
  }
}
