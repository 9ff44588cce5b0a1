/**
 * Builders for Phase II and MRA-ETR preconditions in a test world: a Phase II VN–KR agreement, a
 * Vietnamese certification body accredited to ISO/IEC 17065 and recognised by Korea, a
 * certificate body, an equivalence in force.
 */
import type { Actor } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import { KR_SCOPE, VN_SCOPE, daysFrom, type World } from './world.js';

/** A new certification body of Viet Nam with its own principal (role `lab`, as CAB principals have). */
export async function addBody(world: World): Promise<Actor> {
  const lab = await world.addLab();
  const cab = (await world.store.getCab(lab.cabId!))!;
  await world.store.putCab({ ...cab, name: `Tổ chức chứng nhận ${cab.id}`, type: 'certification_body' });
  return lab;
}

export async function phaseTwoAgreement(world: World): Promise<Resource> {
  const created = await world.engine.create('agreements', { economies: ['VN', 'KR'], phase: 'II', scope: { VN: VN_SCOPE, KR: KR_SCOPE } }, world.as('vn-regulator'));
  await world.send('agreements', created.id, { type: 'SIGN' }, 'vn-regulator');
  return world.send('agreements', created.id, { type: 'SIGN' }, 'kr-regulator');
}

export async function bodyAccreditation(world: World, cabId: string): Promise<Resource> {
  const now = world.clock.now().toISOString();
  return world.engine.create(
    'accreditations',
    { cabId, standard: 'ISO/IEC 17065', certificateNumber: world.next('VICAS'), scope: KR_SCOPE, validFrom: daysFrom(now, -100), validUntil: daysFrom(now, 700) },
    world.as('vn-accreditation-body'),
  );
}

/** A certification body recognised by Korea now, under a Phase II agreement (made here unless given). */
export async function recognizedBody(world: World, agreementId?: string): Promise<{ body: Actor; agreementId: string; recognition: Resource }> {
  const agreement = agreementId ?? (await phaseTwoAgreement(world)).id;
  const body = await addBody(world);
  await bodyAccreditation(world, body.cabId!);
  const recognition = await world.recognition(agreement, body.cabId!);
  return { body, agreementId: agreement, recognition };
}

export function certificateBody(world: World, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = world.clock.now().toISOString();
  return {
    certificateNumber: world.next('TLC'),
    importingEconomy: 'KR',
    regulations: ['KR:KN 301 489'],
    equipment: { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-AX3000', category: 'Wi-Fi router', hardwareVersion: 'HW 1.2', softwareVersion: 'FW 3.0.1' },
    applicantId: 'importer-hanbit',
    externalReports: [{ reportNumber: 'SHT-RF-9001', lab: 'Phòng thử nghiệm Viễn thông Sông Hồng' }],
    issuedAt: now,
    ...overrides,
  };
}

/** An equivalence proposed by Viet Nam and accepted by Korea, in force from now. */
export async function equivalenceInForce(
  world: World,
  body: { requirement: Record<string, unknown>; counterpart: string; differences?: Array<{ test: string; description?: string }> },
): Promise<Resource> {
  const proposed = await world.engine.create('equivalences', { partnerEconomy: 'KR', ...body }, world.as('vn-regulator'));
  return world.send('equivalences', proposed.id, { type: 'ACCEPT' }, 'kr-regulator');
}
