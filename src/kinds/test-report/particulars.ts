/** What identifies a test report in an e-mail: its number, lab, equipment, regulations and importing economy. */
import { equipmentLine, modelOf, particular, type Particulars } from '../kit/particulars.js';
import type { TestReportLabels, TestReportSubject } from './words.js';

/** The certification application a report supports: its number, and who received it. */
function applicationLine(data: Readonly<Record<string, unknown>>): string | undefined {
  const application = data['certificationApplication'] as { reference: string; certificationBodyId?: string; authority?: string } | undefined;
  if (!application) return undefined;
  const receiver = application.authority ?? application.certificationBodyId;
  return receiver === undefined ? application.reference : `${application.reference} (${receiver})`;
}

export const testReportParticulars: Particulars<TestReportSubject, TestReportLabels> = {
  subject(r) {
    const importing = r.text('importingEconomy') ?? '';
    return { reportNumber: r.text('reportNumber') ?? '', model: modelOf(r.data), importingCode: importing, importingName: r.economy(importing) };
  },
  lines(r) {
    const { labels } = r;
    const regulations = r.list('regulations');
    const [testedAt, until, importerId] = [r.text('testedAt'), r.text('validUntil'), r.text('importerId')];
    const accepted = r.to === 'accepted' || r.to === 'expired';
    return [
      particular(labels.reportNumber, r.text('reportNumber')),
      particular(labels.lab, r.cab()),
      particular(labels.equipment, equipmentLine(r.data)),
      particular(labels.regulations(regulations), regulations.map((id) => r.regulation(id)).join(', ')),
      particular(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
      particular(labels.testedAt, testedAt === undefined ? undefined : r.date(testedAt)),
      particular(labels.importer, importerId === undefined ? undefined : r.principal(importerId)),
      particular(labels.acceptedUntil, accepted && until !== undefined ? r.date(until) : undefined),
      particular(labels.certificationApplication, applicationLine(r.data)),
    ];
  },
};
