/** What identifies a certificate in an e-mail: its number, body, equipment, regulations, validity and applicant. */
import { equipmentLine, modelOf, particular, type Particulars } from '../kit/particulars.js';
import type { CertificateLabels, CertificateSubject } from './words.js';

export const certificateParticulars: Particulars<CertificateSubject, CertificateLabels> = {
  subject(r) {
    const importing = r.text('importingEconomy') ?? '';
    return { certificateNumber: r.text('certificateNumber') ?? '', model: modelOf(r.data), importingCode: importing, importingName: r.economy(importing) };
  },
  lines(r) {
    const { labels } = r;
    const regulations = r.list('regulations');
    const [issuedAt, until, applicantId] = [r.text('issuedAt'), r.text('validUntil'), r.text('applicantId')];
    return [
      particular(labels.certificateNumber, r.text('certificateNumber')),
      particular(labels.cab, r.cab()),
      particular(labels.equipment, equipmentLine(r.data)),
      particular(labels.regulations(regulations), regulations.map((id) => r.regulation(id)).join(', ')),
      particular(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
      particular(labels.issuedAt, issuedAt === undefined ? undefined : r.date(issuedAt)),
      particular(labels.validity, issuedAt === undefined || until === undefined ? undefined : r.period(issuedAt, until)),
      particular(labels.applicant, applicantId === undefined ? undefined : r.principal(applicantId)),
    ];
  },
};
