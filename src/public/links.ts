/**
 * Where a person reads a report or a certificate a public answer names: one place, so that every
 * answer (the coverage page and its JSON twin) links the same way, and a permanent public page per
 * record replaces these paths here alone. Today a test report is shown by the importer look-up
 * (public); a certificate by its record page (which asks a visitor to sign in).
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
  if (record.kind === 'test-reports') {
    return `/lookup?${new URLSearchParams({ economy: record.importingEconomy, q: record.number }).toString()}`;
  }
  return `/records/certificates/${encodeURIComponent(record.id)}`;
}
