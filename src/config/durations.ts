/**
 * The durations each kind declares (`recognitions.review`, 90 days by default), one variable each:
 * `MRA_DURATION_RECOGNITIONS_REVIEW="60 days"`. The configuration keeps the texts that are set;
 * the engine's `Durations` turns them into its table. Names, meanings and defaults come from the
 * kinds' declarations through `Durations`, so a new duration is documented and read with no row here.
 */
import { parseDuration } from '../durations.js';
// A value import of the engine: the names, meanings and defaults of the durations live in its
// `Durations` table today; when it moves out of the engine, only this line changes.
import { Durations } from '../kinds/durations-table.js';
import { textOf, type Entry, type Env, type Variable } from './setting.js';

/** The environment variable of a configurable duration: `recognitions.listingValidity` -> `MRA_DURATION_RECOGNITIONS_LISTING_VALIDITY`. */
export function durationVariable(key: string): string {
  return `MRA_DURATION_${key.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/[.-]/g, '_').toUpperCase()}`;
}

/** Where a duration's default comes from, as the table of variables says it: "our default", or the key of its source. */
function sourceNote(key: string): string {
  const source = Durations.source(key);
  return source === 'ours' ? 'our default' : `default from [${source}] (docs/domain.md, Sources)`;
}

/** Every configurable duration as a row of the table; its value is the overrides that are set, `kind.name` -> "60 days". */
export class DurationOverrides implements Entry<Record<string, string>> {
  get variables(): readonly Variable[] {
    const defaults = new Durations();
    return Durations.names().map((key) => ({ name: durationVariable(key), default: defaults.describe(key), meaning: `${Durations.meaning(key)}; ${sourceNote(key)}` }));
  }

  read(env: Env, problems: string[]): Record<string, string> {
    const overrides: Record<string, string> = {};
    for (const key of Durations.names()) {
      const variable = durationVariable(key);
      const text = textOf(env, variable);
      if (text === undefined) continue;
      try {
        parseDuration(text);
        overrides[key] = text;
      } catch (error) {
        problems.push(`${variable} (duration ${key}): ${(error as Error).message}`);
      }
    }
    return overrides;
  }
}
