/** What identifies an accreditation in an e-mail: the CAB, the standard, the certificate and its validity. */
import { particular, type Particulars } from '../kit/particulars.js';
import type { AccreditationLabels, AccreditationSubject } from './words.js';

export const accreditationParticulars: Particulars<AccreditationSubject, AccreditationLabels> = {
  subject: (r) => ({ certificateNumber: r.text('certificateNumber') ?? '', cab: r.cab() }),
  lines(r) {
    const { labels } = r;
    const [from, until] = [r.text('validFrom'), r.text('validUntil')];
    return [
      particular(labels.cab, r.cab()),
      particular(labels.standard, r.text('standard')),
      particular(labels.certificateNumber, r.text('certificateNumber')),
      particular(labels.validity, from === undefined || until === undefined ? undefined : r.period(from, until)),
      particular(labels.scope, r.list('scope').map((id) => r.regulation(id)).join(', ')),
    ];
  },
};
