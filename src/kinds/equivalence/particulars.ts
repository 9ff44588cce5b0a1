/** What identifies an equivalence in an e-mail: the two economies and the two requirements. */
import { particular, type Particulars, type RecordReading } from '../kit/particulars.js';
import type { EquivalenceLabels, EquivalenceSubject } from './words.js';

/** The proposer's requirement as the reader's prose names it: a regulation, or "scheme / document / version". */
function requirementOf(r: RecordReading<unknown>): string {
  const requirement = (r.data['requirement'] ?? {}) as { regulation?: string; scheme?: { scheme: string; document: string; version: string } };
  if (requirement.regulation !== undefined) return r.regulation(requirement.regulation);
  const s = requirement.scheme;
  return s === undefined ? '' : `${s.scheme} / ${s.document} / ${s.version}`;
}

export const equivalenceParticulars: Particulars<EquivalenceSubject, EquivalenceLabels> = {
  subject: (r) => ({ requirement: requirementOf(r), counterpart: r.regulation(r.text('counterpart') ?? '') }),
  lines(r) {
    const { labels } = r;
    const differences = (r.data['differences'] ?? []) as Array<{ test: string }>;
    const inForceFrom = r.text('inForceFrom');
    return [
      particular(labels.title, r.text('title')),
      particular(labels.proposingEconomy, r.economy(r.text('proposingEconomy') ?? '')),
      particular(labels.partnerEconomy, r.economy(r.text('partnerEconomy') ?? '')),
      particular(labels.requirement, requirementOf(r)),
      particular(labels.counterpart, r.regulation(r.text('counterpart') ?? '')),
      particular(labels.differences, differences.map((d) => d.test).join('; ')),
      particular(labels.inForceFrom, inForceFrom === undefined ? undefined : r.date(inForceFrom)),
    ];
  },
};
