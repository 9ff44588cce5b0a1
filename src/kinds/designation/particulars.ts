/** What identifies a designation in an e-mail: the CAB, the importing economy, its decision and validity. */
import { particular, type Particulars } from '../kit/particulars.js';
import type { DesignationLabels, DesignationSubject } from './words.js';

export const designationParticulars: Particulars<DesignationSubject, DesignationLabels> = {
  subject(r) {
    const importing = r.text('importingEconomy') ?? '';
    return { cab: r.cab(), importingCode: importing, importingName: r.economy(importing) };
  },
  lines(r) {
    const { labels, data } = r;
    const accreditation = data['accreditation'] as { standard?: string; certificateNumber?: string } | undefined;
    const decision = data['decision'] as { reference?: string } | undefined;
    const sites = (data['testSites'] as Array<{ name?: string; address: string }> | undefined) ?? [];
    const until = r.text('validUntil');
    return [
      particular(labels.cab, r.cab()),
      particular(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
      particular(labels.address, r.text('cabAddress')),
      particular(labels.testSites, sites.map((s) => (s.name ? `${s.name}: ${s.address}` : s.address)).join('; ')),
      particular(labels.accreditation, accreditation ? `${accreditation.standard ?? ''} ${accreditation.certificateNumber ?? ''}`.trim() : undefined),
      particular(labels.decision, decision?.reference),
      particular(labels.designationNumber, r.text('designationNumber')),
      particular(labels.validUntil, until === undefined ? undefined : r.date(until)),
      particular(labels.scope, r.list('scope').map((id) => r.regulation(id)).join(', ')),
    ];
  },
};
