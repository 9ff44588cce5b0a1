/**
 * The reusable parsers of the table of settings. Each takes a variable's trimmed text and returns
 * its value, or throws a SettingProblem whose reason follows the variable's name: `PORT` +
 * `must be a port number, not "70000"`. A reason never repeats a secret or a URL, which may hold a
 * password.
 */
import ipaddr from 'ipaddr.js';
import { SettingProblem, type Parser } from './setting.js';

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number): Parser<number> {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new SettingProblem(`must be a whole number from ${min} to ${max}, not "${text}"`);
    return n;
  };
}

/** A TCP port, 0 (any free port) to 65535. */
export const portNumber: Parser<number> = (text) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new SettingProblem(`must be a port number, not "${text}"`);
  return n;
};

/** One of a few words; with `anyCase`, `normal` reads as `NORMAL`. */
export function oneOf<const V extends string>(values: readonly V[], options: { anyCase?: boolean } = {}): Parser<V> {
  const choices = values.length === 2 ? `"${values[0]}" or "${values[1]}"` : `one of ${values.join(', ')}`;
  return (text) => {
    const word = options.anyCase === true ? values.find((v) => v.toUpperCase() === text.toUpperCase()) : values.find((v) => v === text);
    if (word === undefined) throw new SettingProblem(`must be ${choices}, not "${text}"`);
    return word;
  };
}

/** `true` or `false`, nothing else (a typo must not silently mean false). */
export const boolean: Parser<boolean> = (text) => oneOf(['true', 'false'])(text) === 'true';

/** Any text: a path, an address, a name. */
export const text: Parser<string> = (value) => value;

/** An ISO instant such as 2030-01-01T00:00:00Z. */
export const instant: Parser<Date> = (value) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new SettingProblem(`must be an ISO instant such as 2030-01-01T00:00:00Z, not "${value}"`);
  return date;
};

/** A URL with one of `schemes` (`['smtp', 'smtps']`); the text is not repeated, it may hold a password. */
export function url(schemes: readonly string[]): Parser<string> {
  const pattern = new RegExp(`^(?:${schemes.map((s) => s.replace(/[+.]/g, '\\$&')).join('|')})://.+`);
  return (value) => {
    if (!pattern.test(value)) throw new SettingProblem(`must start with ${schemes.map((s) => `${s}://`).join(' or ')}`);
    return value;
  };
}

/** An http:// or https:// address that links are built on, without its trailing slashes. */
export const baseUrl: Parser<string> = (value) => {
  const base = value.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(base)) throw new SettingProblem('must be an http:// or https:// address');
  return base;
};

/** A host name or an IP address to listen on. */
export const host: Parser<string> = (value) => {
  if (!/^[A-Za-z0-9.:-]+$/.test(value)) throw new SettingProblem(`must be a host name or address, not "${value}"`);
  return value;
};

/** A secret of at least `length` characters; the text is never repeated. */
export function secret(length: number): Parser<string> {
  return (value) => {
    if (value.length < length) throw new SettingProblem(`must be at least ${length} characters long`);
    return value;
  };
}

/** An address range such as `10.0.0.0/8` or `fd00::/8`. */
export const cidr: Parser<string> = (value) => {
  try {
    ipaddr.parseCIDR(value);
    return value;
  } catch {
    throw new SettingProblem(`must list CIDR networks such as 10.20.0.0/16, not "${value}"`);
  }
};

/** Comma-separated items, each checked by `item`; every wrong item is named. */
export function list<T>(item: Parser<T>): Parser<T[]> {
  return (value) => {
    const reasons: string[] = [];
    const items: T[] = [];
    for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      try {
        items.push(item(part));
      } catch (error) {
        if (!(error instanceof SettingProblem)) throw error;
        reasons.push(...error.reasons);
      }
    }
    const [first, ...rest] = reasons;
    if (first !== undefined) throw new SettingProblem(first, ...rest);
    return items;
  };
}

/** Either `word` or what `other` reads: `majority` or a number of members. */
export function wordOr<const W extends string, T>(word: W, other: Parser<T>, reason: (text: string) => string): Parser<W | T> {
  return (value) => {
    if (value === word) return word;
    try {
      return other(value);
    } catch (error) {
      if (!(error instanceof SettingProblem)) throw error;
      throw new SettingProblem(reason(value));
    }
  };
}

/** Makes a parser's value nullable, for a setting whose default is "unset" (null). */
export function optional<T>(parser: Parser<T>): Parser<T | null> {
  return parser;
}
