/**
 * A principal's document: the record keyed by its id, with `emailKey`, the address folded as
 * SQLite's `COLLATE NOCASE` folds it (ASCII letters only), so the look-up by address is one
 * equality on an index (`principals_by_email_key`) and finds exactly what SQLite finds: `Hoa@X`
 * and `hoa@x` are one address, `Đ@x` and `đ@x` are two, as they are there. A case-insensitive
 * regular expression scanned every address and folded `Đ` too.
 */
import type { PrincipalRecord } from '../port.js';
import { fromKeyed, toKeyed } from './shapes.js';

/** The address as SQLite's NOCASE compares it: A-Z folded, every other character as it is. */
export function emailKeyOf(email: string): string {
  return email.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export function principalDoc(principal: PrincipalRecord): { _id: string; emailKey: string } & Record<string, unknown> {
  return { ...toKeyed(principal, 'id'), emailKey: emailKeyOf(principal.email) };
}

export function principalOf(doc: { _id: string } & Record<string, unknown>): PrincipalRecord {
  const { emailKey: _key, ...rest } = doc;
  return fromKeyed<'id', PrincipalRecord>(rest, 'id');
}
