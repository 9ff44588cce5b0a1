/**
 * The few facts that identify an instance of each kind in an e-mail: an agreement's economies and
 * scope, a recognition's CAB and designation number, a test report's or a certificate's number and
 * equipment, an equivalence's two requirements.
 */
import type { Fact, Reading } from './reading.js';

type Optional = Fact | null;

function fact(label: string, value: string | undefined): Optional {
  return value === undefined || value === '' ? null : { label, value };
}

function agreementFacts(r: Reading): Optional[] {
  const { labels } = r.wording;
  const scope = (r.notification.data['scope'] ?? {}) as Record<string, string[]>;
  const transitionEndsAt = r.text('transitionEndsAt');
  return [
    fact(labels.title, r.text('title')),
    fact(labels.economies, r.list('economies').map((e) => r.economy(e)).join(', ')),
    fact(labels.phase, r.text('phase')),
    ...Object.entries(scope).map(([economy, regulations]) => fact(labels.scopeOf(r.economy(economy)), regulations.map(r.wording.regulation).join(', '))),
    fact(labels.transitionEndsAt, transitionEndsAt === undefined ? undefined : r.wording.date(transitionEndsAt)),
  ];
}

function accreditationFacts(r: Reading): Optional[] {
  const { labels, period, regulation } = r.wording;
  const [from, until] = [r.text('validFrom'), r.text('validUntil')];
  return [
    fact(labels.cab, r.cab()),
    fact(labels.standard, r.text('standard')),
    fact(labels.certificateNumber, r.text('certificateNumber')),
    fact(labels.validity, from === undefined || until === undefined ? undefined : period(from, until)),
    fact(labels.scope, r.list('scope').map(regulation).join(', ')),
  ];
}

function recognitionFacts(r: Reading): Optional[] {
  const { labels, date, regulation } = r.wording;
  const until = r.text('validUntil');
  return [
    fact(labels.cab, r.cab()),
    fact(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
    fact(labels.designationNumber, r.text('designationNumber')),
    fact(labels.listedUntil, until === undefined ? undefined : date(until)),
    fact(labels.scope, r.list('scope').map(regulation).join(', ')),
  ];
}

function testReportFacts(r: Reading): Optional[] {
  const { labels, date, regulation } = r.wording;
  const regulations = r.list('regulations');
  const equipment = (r.notification.data['equipment'] ?? {}) as { manufacturer?: string; model?: string; category?: string };
  const [testedAt, until, importerId] = [r.text('testedAt'), r.text('validUntil'), r.text('importerId')];
  const accepted = r.notification.to === 'accepted' || r.notification.to === 'expired';
  return [
    fact(labels.reportNumber, r.text('reportNumber')),
    fact(labels.lab, r.cab()),
    fact(labels.equipment, `${equipment.manufacturer ?? ''} ${equipment.model ?? ''}${equipment.category ? ` (${equipment.category})` : ''}`.trim()),
    fact(labels.regulations(regulations), regulations.map(regulation).join(', ')),
    fact(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
    fact(labels.testedAt, testedAt === undefined ? undefined : date(testedAt)),
    fact(labels.importer, importerId === undefined ? undefined : r.principal(importerId)),
    fact(labels.acceptedUntil, accepted && until !== undefined ? date(until) : undefined),
  ];
}

function certificateFacts(r: Reading): Optional[] {
  const { labels, date, period, regulation } = r.wording;
  const regulations = r.list('regulations');
  const equipment = (r.notification.data['equipment'] ?? {}) as { manufacturer?: string; model?: string; category?: string };
  const [issuedAt, until, applicantId] = [r.text('issuedAt'), r.text('validUntil'), r.text('applicantId')];
  return [
    fact(labels.certificateNumber, r.text('certificateNumber')),
    fact(labels.cab, r.cab()),
    fact(labels.equipment, `${equipment.manufacturer ?? ''} ${equipment.model ?? ''}${equipment.category ? ` (${equipment.category})` : ''}`.trim()),
    fact(labels.regulations(regulations), regulations.map(regulation).join(', ')),
    fact(labels.importingEconomy, r.economy(r.text('importingEconomy') ?? '')),
    fact(labels.issuedAt, issuedAt === undefined ? undefined : date(issuedAt)),
    fact(labels.validity, issuedAt === undefined || until === undefined ? undefined : period(issuedAt, until)),
    fact(labels.applicant, applicantId === undefined ? undefined : r.principal(applicantId)),
  ];
}

/** The proposer's requirement as the reader's prose names it: a regulation, or "scheme / document / version". */
export function requirementOf(r: Reading): string {
  const requirement = (r.notification.data['requirement'] ?? {}) as { regulation?: string; scheme?: { scheme: string; document: string; version: string } };
  if (requirement.regulation !== undefined) return r.wording.regulation(requirement.regulation);
  const s = requirement.scheme;
  return s === undefined ? '' : `${s.scheme} / ${s.document} / ${s.version}`;
}

function equivalenceFacts(r: Reading): Optional[] {
  const { labels, date, regulation } = r.wording;
  const differences = (r.notification.data['differences'] ?? []) as Array<{ test: string }>;
  const inForceFrom = r.text('inForceFrom');
  return [
    fact(labels.title, r.text('title')),
    fact(labels.proposingEconomy, r.economy(r.text('proposingEconomy') ?? '')),
    fact(labels.partnerEconomy, r.economy(r.text('partnerEconomy') ?? '')),
    fact(labels.requirement, requirementOf(r)),
    fact(labels.counterpart, regulation(r.text('counterpart') ?? '')),
    fact(labels.differences, differences.map((d) => d.test).join('; ')),
    fact(labels.inForceFrom, inForceFrom === undefined ? undefined : date(inForceFrom)),
  ];
}

const BY_KIND = {
  agreements: agreementFacts,
  accreditations: accreditationFacts,
  recognitions: recognitionFacts,
  'test-reports': testReportFacts,
  certificates: certificateFacts,
  equivalences: equivalenceFacts,
} as const;

/** The identifying facts of the notification's instance, in the reader's language. */
export function kindFacts(r: Reading): Fact[] {
  return BY_KIND[r.kind](r).filter((f): f is Fact => f !== null);
}
