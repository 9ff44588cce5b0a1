/**
 * The importer look-up: listed test reports of one importing economy found by what the person
 * typed (report number, manufacturer, model or category; case and accents ignored, so "phuong nam"
 * finds "Phương Nam"), through the public register's search (`src/public/register.ts`, the FTS5
 * trigram index of issue 13). Text too short for the index is answered with a hint, not a search.
 * Results come in the order a customs officer reads them: reports accepted and valid today first,
 * then those that were (expired, revoked), then rejections; newest decision first within each.
 */
import type { Engine } from '../../engine/engine.js';
import type { Language } from '../../i18n/index.js';
import { findPublicTestReports, type PublicTestReport } from '../../public/register.js';
import { searchFragments } from '../../search/fold.js';
import type { DirectoryStore, InstanceStore } from '../../store/port.js';

const PAGE = 50;

/** Accepted first (what goods may rely on), then expired or revoked, then rejected. */
const STANDING: Readonly<Record<string, number>> = { accepted: 0, expired: 1, revoked: 1, rejected: 2 };

export function inReadingOrder(reports: PublicTestReport[]): PublicTestReport[] {
  return [...reports].sort((a, b) => (STANDING[a.state] ?? 3) - (STANDING[b.state] ?? 3) || b.decidedAt.localeCompare(a.decidedAt));
}

export type LookupResults = { tooShort: true } | { tooShort: false; items: PublicTestReport[]; more: boolean };

export async function lookUpReports(engine: Engine, store: InstanceStore & DirectoryStore, query: { economy: string; text: string; language: Language }): Promise<LookupResults> {
  if (searchFragments(query.text).length === 0) return { tooShort: true };
  const page = await findPublicTestReports(engine, store, { economy: query.economy, q: query.text, limit: PAGE }, query.language);
  return { tooShort: false, items: inReadingOrder(page.items), more: page.nextCursor !== null };
}
