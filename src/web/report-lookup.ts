/**
 * The importer look-up: decided test reports of one importing economy whose number, manufacturer
 * or model contains what the person typed, accents and case ignored ("phuong nam" finds "Phương
 * Nam"). Until the search of issue 13 lands this reads the public register (at most
 * `SCAN_LIMIT` decided reports of the economy) and matches in memory.
 */
import type { Engine } from '../engine/engine.js';
import { findPublicTestReports, type PublicTestReport } from '../public/register.js';
import type { Store } from '../store/port.js';

const SCAN_LIMIT = 1000;
const PAGE = 200;

/** Lower case, no diacritics, đ as d: what a person types on a keyboard without Vietnamese input. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

export async function lookUpReports(engine: Engine, store: Store, query: { economy: string; text: string }): Promise<PublicTestReport[]> {
  const words = folded(query.text).split(/\s+/).filter((w) => w !== '');
  const found: PublicTestReport[] = [];
  let cursor: string | undefined;
  let scanned = 0;
  do {
    const page = await findPublicTestReports(engine, store, { economy: query.economy, limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
    scanned += page.items.length;
    for (const report of page.items) {
      const haystack = folded([report.reportNumber, report.equipment.manufacturer, report.equipment.model, report.lab.name].join(' '));
      if (words.every((word) => haystack.includes(word))) found.push(report);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && scanned < SCAN_LIMIT);
  return found;
}
