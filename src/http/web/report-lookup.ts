/**
 * The importer look-up: listed test reports of one importing economy found by what the person
 * typed (report number, manufacturer, model or category; case and accents ignored, so "phuong nam"
 * finds "Phương Nam"), through the public register's search (`src/public/register.ts`, the FTS5
 * trigram index of issue 13). Text too short for the index is answered with a hint, not a search.
 */
import type { Engine } from '../../engine/engine.js';
import type { Language } from '../../i18n/index.js';
import { findPublicTestReports, type PublicTestReport } from '../../public/register.js';
import { searchFragments } from '../../search/fold.js';
import type { DirectoryStore, InstanceStore } from '../../store/port.js';

const PAGE = 50;

export type LookupResults = { tooShort: true } | { tooShort: false; items: PublicTestReport[]; more: boolean };

export async function lookUpReports(engine: Engine, store: InstanceStore & DirectoryStore, query: { economy: string; text: string; language: Language }): Promise<LookupResults> {
  if (searchFragments(query.text).length === 0) return { tooShort: true };
  const page = await findPublicTestReports(engine, store, { economy: query.economy, q: query.text, limit: PAGE }, query.language);
  return { tooShort: false, items: page.items, more: page.nextCursor !== null };
}
