/**
 * Designation at home before recognition (Circular 12/2016/TT-BTTTT; 47 CFR 2.951): the body of a
 * CAB's application with what 47 CFR 2.951(a)(1)-(12), (b) and (d) ask, and a designation taken
 * through the whole procedure (file accepted, assessed on site, designated), as every test that
 * puts a CAB forward for recognition needs first.
 */
import type { Actor } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Store } from '../../src/store/port.js';
import { findAll } from '../../src/kinds/kit/references.js';

export interface DesignationRequest {
  agreementId: string;
  cabId: string;
  importingEconomy?: string;
  scope: string[];
  /** The accreditation it stands on; by default the CAB's latest active one. */
  accreditationId?: string;
  designationNumber?: string;
}

/** A complete application for designation, as the CAB files it. */
export function designationBody(request: Required<Omit<DesignationRequest, 'designationNumber'>>, signedAt: string): Record<string, unknown> {
  return {
    agreementId: request.agreementId,
    cabId: request.cabId,
    importingEconomy: request.importingEconomy,
    scope: request.scope,
    cabAddress: '123 Đường Võ Văn Ngân, Thủ Đức, Thành phố Hồ Chí Minh, Việt Nam',
    testSites: [{ name: 'Phòng đo bức xạ', address: '123 Đường Võ Văn Ngân, Thủ Đức, Thành phố Hồ Chí Minh, Việt Nam' }],
    contact: { name: 'Nguyễn Văn An', email: `contact@${request.cabId}.example`, phone: '+84 28 3896 0000' },
    accreditationId: request.accreditationId,
    testsForOthers: true,
    declaration: { signedBy: 'Nguyễn Văn An, Giám đốc', signedAt },
    ownership: { fivePercentOrMore: false },
  };
}

/** The designating authority of an economy in the seed: `vn-designating-authority`. */
export function designatingAuthorityOf(economy: string): string {
  return `${economy.toLowerCase()}-designating-authority`;
}

/**
 * A designation in force of a CAB for an importing economy under an agreement: filed by the
 * designating authority on the CAB's behalf, accepted, assessed on site and designated now.
 */
export async function designate(
  deps: { engine: Engine; store: Store; as: (id: string) => Actor; now: () => Date },
  request: DesignationRequest,
): Promise<Resource> {
  const cab = await deps.store.getCab(request.cabId);
  if (!cab) throw new Error(`No CAB ${request.cabId}`);
  const authority = deps.as(designatingAuthorityOf(cab.economy));
  const at = deps.now().toISOString();
  const accreditationId = request.accreditationId ?? (await latestAccreditation(deps.store, request.cabId));
  const body = designationBody(
    { agreementId: request.agreementId, cabId: request.cabId, importingEconomy: request.importingEconomy ?? 'KR', scope: request.scope, accreditationId },
    at,
  );
  const created = await deps.engine.create('designations', body, authority);
  await deps.engine.send('designations', created.id, { type: 'ACCEPT_FILE', council: ['Trần Thị Bình', 'Lê Văn Cường'] }, authority);
  await deps.engine.send(
    'designations',
    created.id,
    { type: 'RECORD_ASSESSMENT', assessedAt: at, assessors: ['Trần Thị Bình'], findings: 'Đáp ứng yêu cầu; không có điểm không phù hợp.' },
    authority,
  );
  const number = request.designationNumber === undefined ? {} : { designationNumber: request.designationNumber };
  return deps.engine.send('designations', created.id, { type: 'DESIGNATE', decision: `QĐ-${created.id}`, ...number }, authority);
}

async function latestAccreditation(store: Store, cabId: string): Promise<string> {
  const found = await findAll(store, 'accreditations', { where: { cabId } });
  const live = found.filter((a) => a.state !== 'withdrawn' && a.state !== 'lapsed');
  const chosen = (live.length > 0 ? live : found).at(-1);
  if (!chosen) throw new Error(`CAB ${cabId} has no accreditation to stand a designation on`);
  return chosen.id;
}
