/** What identifies an agreement in an e-mail: its economies, phase and scope. */
import { particular, type Particulars } from '../kit/particulars.js';
import type { AgreementLabels, AgreementSubject } from './words.js';

export const agreementParticulars: Particulars<AgreementSubject, AgreementLabels> = {
  subject: (r) => ({ economies: r.list('economies').map((e) => r.economy(e)), phase: r.text('phase') ?? '' }),
  lines(r) {
    const { labels } = r;
    const scope = (r.data['scope'] ?? {}) as Record<string, string[]>;
    const transitionEndsAt = r.text('transitionEndsAt');
    return [
      particular(labels.title, r.text('title')),
      particular(labels.economies, r.list('economies').map((e) => r.economy(e)).join(', ')),
      particular(labels.phase, r.text('phase')),
      ...Object.entries(scope).map(([economy, regulations]) => particular(labels.scopeOf(r.economy(economy)), regulations.map((id) => r.regulation(id)).join(', '))),
      particular(labels.transitionEndsAt, transitionEndsAt === undefined ? undefined : r.date(transitionEndsAt)),
    ];
  },
};
