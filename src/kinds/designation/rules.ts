/**
 * Designation rules (docs/domain.md, "Designation"): a CAB applies to its own economy's designating
 * authority, for an importing economy that is its partner under the agreement, for regulations of
 * that economy, on an accreditation of its own; the ownership certification lists the holders of
 * 5 % or more when there are any (47 CFR 2.951(b), (d)). On DESIGNATE, a validity (by default the
 * configured one) and, where the agreement has the designating authority assign it, the
 * designation number (47 CFR 2.951(a)(5)): the one it gives, or the next of its economy's register.
 */
import { accreditationActiveOn, accreditationCovers, type AccreditationData } from '../accreditation/machine.js';
import type { Reason } from '../types.js';
import type { AgreementData } from '../agreement/machine.js';
import type { DesignationData, GroundingAccreditation } from './machine.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import { requireAfter, requireCab, requireInstance, requireRegulations } from '../kit/references.js';
import type { Body, EventBody, KindRules, RuleContext } from '../kit/rules.js';

function invalid(pointer: string, message: string): never {
  throw new AppError({ code: 'VALIDATION_FAILED', detail: `${pointer.slice(1)} ${message}`, errors: [{ pointer, message }] });
}

/** Who assigns designation numbers under an agreement; agreements of older releases: the importing regulator. */
export function numberAssignedBy(agreement: Pick<AgreementData, 'designationNumbers'>): 'designating_authority' | 'importing_regulator' {
  return agreement.designationNumbers ?? 'importing_regulator';
}

/**
 * The accreditation the application names: of this CAB, in force now and covering the scope
 * (NIST's Phase I file: the standards sought are in the accreditation's scope).
 */
async function groundingAccreditation(context: RuleContext, body: Body): Promise<GroundingAccreditation> {
  const id = body['accreditationId'] as string;
  const record = await requireInstance(context, 'accreditations', id, '/accreditationId');
  const data = context.current(record).context as AccreditationData;
  if (data.cabId !== body['cabId']) invalid('/accreditationId', `is an accreditation of ${data.cabId}, not of ${String(body['cabId'])}`);
  const reasons: Reason[] = [];
  if (!accreditationActiveOn(data, context.now.toISOString())) reasons.push({ code: 'ACCREDITATION_NOT_ACTIVE', detail: `Accreditation ${id} is not in force now (${record.state}).` });
  const scope = body['scope'] as string[];
  if (!accreditationCovers(data, scope)) {
    reasons.push({ code: 'SCOPE_NOT_COVERED', detail: `Accreditation ${id} does not cover ${scope.filter((r) => !data.scope.includes(r)).join(', ')}.` });
  }
  if (reasons.length > 0) {
    throw new AppError({ code: 'NOT_ELIGIBLE', detail: `CAB ${String(body['cabId'])} cannot apply on accreditation ${id}: ${reasons.map((r) => r.detail).join(' ')}`, publicFields: { reasons } });
  }
  return { id, accreditationBodyId: data.accreditationBodyId, standard: data.standard, certificateNumber: data.certificateNumber, validUntil: data.validUntil };
}

/** 47 CFR 2.951(b), (d): the holders are listed exactly when there are some. */
function checkOwnership(ownership: { fivePercentOrMore: boolean; holders?: unknown[] }): void {
  const listed = ownership.holders?.length ?? 0;
  if (ownership.fivePercentOrMore && listed === 0) invalid('/ownership/holders', 'must list every entity holding 5 % or more, since fivePercentOrMore is true');
  if (!ownership.fivePercentOrMore && listed > 0) invalid('/ownership/fivePercentOrMore', 'must be true when holders of 5 % or more are listed');
}

async function designate(record: { context: Record<string, unknown> }, event: EventBody, context: RuleContext): Promise<EventBody> {
  const data = record.context as DesignationData;
  const { now, durations } = context;
  const validUntil = (event['validUntil'] as string | undefined) ?? shift(now, durations.get('designations', 'designationValidity')).toISOString();
  requireAfter(validUntil, now.toISOString(), '/validUntil', 'must be in the future');
  const stored = await context.store.load('agreements', data.agreementId);
  const agreement = stored ? (context.current(stored).context as AgreementData) : undefined;
  const given = event['designationNumber'] as string | undefined;
  const assigner = agreement ? numberAssignedBy(agreement) : 'importing_regulator';
  if (assigner === 'importing_regulator') {
    if (given !== undefined) invalid('/designationNumber', 'must be left out: under this agreement the importing regulator assigns the designation number on recognition');
    return { ...event, validUntil };
  }
  // The designating authority assigns it (47 CFR 2.951(a)(5)); left out, the next of its economy's
  // register, from the same sequence the regulator's numbers come from, so that no two collide.
  const designationNumber =
    given ?? data.designationNumber ?? `${data.exportingEconomy}${String(await context.store.nextSequence(`designation:${data.exportingEconomy}`)).padStart(4, '0')}`;
  if (!designationNumber.startsWith(data.exportingEconomy)) invalid('/designationNumber', `must start with the CAB's country code, ${data.exportingEconomy}`);
  return { ...event, validUntil, designationNumber };
}

export const designationRules: KindRules = {
  async derive(body, { store }) {
    const cab = await requireCab(store, body['cabId'] as string, '/cabId');
    return { ...body, exportingEconomy: cab.economy };
  },

  async assess(input, context) {
    const { store, now } = context;
    const agreementRecord = await requireInstance(context, 'agreements', input['agreementId'] as string, '/agreementId');
    const agreement = agreementRecord.context as AgreementData;
    const exporting = input['exportingEconomy'] as string;
    const importing = input['importingEconomy'] as string;
    if (!agreement.economies.includes(exporting) || !agreement.economies.includes(importing) || importing === exporting) {
      invalid('/importingEconomy', `must be the CAB's partner under agreement ${agreementRecord.id} (${agreement.economies.join(' and ')}); the CAB is of ${exporting}`);
    }
    await requireRegulations(store, input['scope'] as string[], '/scope', { economy: importing, now });
    checkOwnership(input['ownership'] as { fivePercentOrMore: boolean; holders?: unknown[] });
    const signedAt = (input['declaration'] as { signedAt: string }).signedAt;
    if (Date.parse(signedAt) > now.getTime()) invalid('/declaration/signedAt', 'must not be in the future');
    const accreditation = await groundingAccreditation(context, input);
    return { input: { ...input, accreditation } };
  },

  async prepareEvent(record, event, context) {
    if (event.type === 'DESIGNATE') return { event: await designate(record, event, context) };
    const when = event.type === 'RECORD_ASSESSMENT' ? 'assessedAt' : event.type === 'RECORD_SURVEILLANCE' ? 'surveyedAt' : undefined;
    if (when !== undefined && Date.parse(event[when] as string) > context.now.getTime()) invalid(`/${when}`, 'must not be in the future');
    return { event };
  },
};
