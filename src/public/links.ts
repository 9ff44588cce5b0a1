/**
 * Where a person reads a report or a certificate a public answer names: one place, so that every
 * answer (the coverage page and its JSON twin) links the same way: each record's permanent public
 * page under `/register` (`src/http/web/routes/public-records.tsx`), which anyone may open.
 */
import type { Kind } from '../kinds/types.js';

export interface Linkable {
  kind: Extract<Kind, 'test-reports' | 'certificates'>;
  id: string;
  number: string;
  importingEconomy: string;
}

/** The path of the page that shows the record (relative to the service's public address). */
export function publicPathOf(record: Linkable): string {
  return `/register/${record.kind}/${encodeURIComponent(record.id)}`;
}
