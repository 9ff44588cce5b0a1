/** What identifies a recognition in an e-mail: the CAB, the importing economy, the designation and its listing. */
import { particular, type Particulars } from '../kit/particulars.js';
import type { RecognitionLabels, RecognitionSubject } from './words.js';

export const recognitionParticulars: Particulars<RecognitionSubject, RecognitionLabels> = {
  subject(r) {
    const importing = r.text('importingEconomy') ?? '';
    return { cab: r.cab(), importingCode: importing, importingName: r.economy(importing) };
  },
  lines(r) {
    const { labels } = r;
    const until = r.text('validUntil');
    return [
      particular(labels.cab, r.cab()),
      particular(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
      particular(labels.designationNumber, r.text('designationNumber')),
      particular(labels.listedUntil, until === undefined ? undefined : r.date(until)),
      particular(labels.scope, r.list('scope').map((id) => r.regulation(id)).join(', ')),
    ];
  },
};
