/**
 * What someone can do when nothing covers a model in an economy (docs/domain.md, "Phase I",
 * "Phase II"): under each arrangement in force with that economy, have it tested by a laboratory
 * the economy recognises and the report accepted by its regulator; under a Phase II arrangement,
 * also have it certified by a certification body the economy recognises. With no arrangement in
 * force, only the economy's own approval procedure is left. Answered as codes; pages word them.
 */
import { agreementInForce, type AgreementData } from '../kinds/agreement/machine.js';
import { SYSTEM_ACTOR } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';

/** One way onto the market: a test report accepted by the regulator, or a Phase II certificate. */
export type CoverageRoute = 'test-report' | 'certificate';

export interface Arrangement {
  /** The partner economy, whose recognised CABs test or certify for the importing economy. */
  partner: string;
  phase: 'I' | 'II';
  routes: CoverageRoute[];
}

export interface WhatToDo {
  /** The arrangements in force with the importing economy; none: only its own national procedure. */
  arrangements: Arrangement[];
  /** The register of the CABs the importing economy recognises, where a lab or a body is found. */
  register: string;
}

/** The arrangements in force with `economy` and the routes each opens (at most 200: more than any economy has). */
export async function whatToDo(engine: Engine, economy: string): Promise<WhatToDo> {
  const page = await engine.records('agreements', { where: { economy }, states: ['operational', 'terminating'], limit: 200 }, SYSTEM_ACTOR);
  // One arrangement per partner: a Phase II one, where two are in force (a new one beside one ending), opens more.
  const byPartner = new Map<string, Arrangement>();
  for (const record of page.items) {
    const data = record.context as unknown as AgreementData;
    if (!agreementInForce(record.state, data)) continue;
    const phase = data.phase === 'II' ? 'II' : 'I';
    for (const partner of data.economies.filter((e) => e !== economy)) {
      if (byPartner.get(partner)?.phase === 'II') continue;
      byPartner.set(partner, { partner, phase, routes: phase === 'II' ? ['test-report', 'certificate'] : ['test-report'] });
    }
  }
  const arrangements = [...byPartner.values()].sort((a, b) => a.partner.localeCompare(b.partner));
  return { arrangements, register: `/register?${new URLSearchParams({ importing: economy }).toString()}` };
}
