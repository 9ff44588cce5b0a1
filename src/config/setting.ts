/**
 * What one row of the table of settings is: a variable, the parser that checks its text, the
 * value when it is unset, and the words the docs show. The loader, the `Config` type and the docs'
 * table are all derived from rows of this shape (`settings.ts`).
 */

/** The environment the settings are read from: `process.env`, or an object a test or a CLI passes. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One line of the docs' table: a variable, its default in words, what it means. */
export interface Variable {
  name: string;
  default: string;
  meaning: string;
}

/**
 * Turns a variable's text (trimmed, never empty) into its value.
 *
 * @throws SettingProblem saying what the text must be, e.g. `must be a port number, not "70000"`.
 */
export type Parser<T> = (text: string) => T;

/** Why a text was refused: each reason follows the variable's name in the message people read. */
export class SettingProblem extends Error {
  readonly reasons: readonly string[];

  constructor(...reasons: [string, ...string[]]) {
    super(reasons.join('; '));
    this.reasons = reasons;
  }
}

/** Reads another entry of the same environment, for a default that follows it (`filesDir` beside `dbPath`). */
export type Read = <T>(entry: Entry<T>) => T;

/** What the loader asks of each row: the variables it documents, and how to read its value. */
export interface Entry<T> {
  readonly variables: readonly Variable[];
  /** The value `env` gives; each problem is added to `problems` (and the default stands in for the value). */
  read(env: Env, problems: string[], read: Read): T;
}

/** A default computed from other settings, with the words the docs show for it. */
export interface Derived<T> {
  readonly shown: string;
  readonly from: (read: Read) => T;
}

/** A default that follows other settings: `derived('http://localhost:PORT', (read) => …)`. */
export function derived<T>(shown: string, from: (read: Read) => T): Derived<T> {
  return { shown, from };
}

export interface SettingSpec<T> {
  variable: string;
  parse: Parser<T>;
  /** The value when the variable is unset (or blank); its type is the parser's, never widened by it. */
  default: NoInfer<T> | Derived<NoInfer<T>>;
  /** The default in words for the docs, when `String(default)` would not say it (`unset: embedded SQLite`). */
  shown?: string;
  /** What the setting does, as the docs' table shows it. */
  meaning: string;
}

/** The text of a variable, trimmed; undefined when it is unset or blank. */
export function textOf(env: Env, name: string): string | undefined {
  const text = env[name]?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function isDerived<T>(value: T | Derived<T>): value is Derived<T> {
  return typeof value === 'object' && value !== null && 'from' in value && typeof value.from === 'function';
}

/** One environment variable read into one value of the configuration. */
export class Setting<T> implements Entry<T> {
  readonly variable: string;
  readonly variables: readonly Variable[];
  readonly #spec: SettingSpec<T>;

  constructor(spec: SettingSpec<T>) {
    this.#spec = spec;
    this.variable = spec.variable;
    const shown = spec.shown ?? (isDerived(spec.default) ? spec.default.shown : String(spec.default));
    this.variables = [{ name: spec.variable, default: shown, meaning: spec.meaning }];
  }

  read(env: Env, problems: string[], read: Read): T {
    const text = textOf(env, this.variable);
    if (text !== undefined) {
      try {
        return this.#spec.parse(text);
      } catch (error) {
        if (!(error instanceof SettingProblem)) throw error;
        problems.push(...error.reasons.map((reason) => `${this.variable} ${reason}`));
      }
    }
    const fallback = this.#spec.default;
    return isDerived(fallback) ? fallback.from(read) : fallback;
  }
}

/** A row of the table: `setting({ variable: 'PORT', parse: portNumber, default: 3000, meaning: 'HTTP port' })`. */
export function setting<T>(spec: SettingSpec<T>): Setting<T> {
  return new Setting(spec);
}
