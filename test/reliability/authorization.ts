/**
 * Every principal × every event × every instance, against a table of who may send what written
 * here from docs/domain.md (its "Who may send it" columns and the Roles section), not from
 * `src/kinds/`. Each event the table forbids is sent over HTTP with a valid body, so it is the
 * authorisation that must refuse it: none may be accepted, and the store must not change. Where
 * the right to send depends on the state (who suspended, who gave notice), the table allows the
 * wider set, so it never calls a legal event forbidden. Then test reports are invisible (404) to
 * every principal with no part in them, through every route of the OpenAPI document under
 * `/test-reports/{id}`, and absent from their lists. Then every reference a create body carries
 * is sent by every principal naming every record it could name (`referenceTable`): one it may
 * not read must answer exactly as an unknown id and write nothing.
 */
import type { Actor, Kind } from '../../src/kinds/types.js';
import type { ApiWorld } from '../helpers/api.js';
import { certificateBody } from '../helpers/phase-two.js';
import { operationsOf } from './scenarios.js';

type Instance = { kind: Kind; id: string; data: Record<string, unknown>; creator: string; cabEconomy: string | null };
type Rule = (actor: Actor, instance: Instance) => boolean;

const regulatorOf = (economies: (i: Instance) => unknown[]): Rule => (a, i) => a.role === 'regulator' && economies(i).includes(a.economy);
const bothSides = regulatorOf((i) => i.data['economies'] as string[]);
const importingRegulator = regulatorOf((i) => [i.data['importingEconomy']]);
const partnerRegulator = regulatorOf((i) => [i.data['partnerEconomy']]);
const proposingRegulator = regulatorOf((i) => [i.data['proposingEconomy']]);
const cabsAuthority: Rule = (a, i) => a.role === 'designating_authority' && a.economy === i.cabEconomy;
const theLab: Rule = (a, i) => a.role === 'lab' && a.cabId === i.data['cabId'];
const grantingBody: Rule = (a, i) => a.role === 'accreditation_body' && a.id === i.creator;
const either = (...rules: Rule[]): Rule => (a, i) => rules.some((rule) => rule(a, i));
/** Events only the engine sends (deadlines and cascades): no principal. */
const systemOnly: Rule = () => false;

/** docs/domain.md, the Events table of each lifecycle. */
export const WHO_MAY_SEND: Record<Kind, Record<string, Rule>> = {
  agreements: {
    SIGN: bothSides, SUSPEND: bothSides, RESUME: bothSides, AMEND_SCOPE: bothSides, TERMINATE: bothSides, GIVE_NOTICE: bothSides, WITHDRAW_NOTICE: bothSides,
    TRANSITION_ENDED: systemOnly, NOTICE_EFFECTIVE: systemOnly,
  },
  accreditations: {
    RENEWAL_SUBMITTED: theLab, RENEW: grantingBody, SUSPEND: grantingBody, REINSTATE: grantingBody, REACCREDIT: grantingBody, WITHDRAW: grantingBody,
    RENEWAL_DUE: systemOnly, EXPIRED: systemOnly,
    RECORD_VISIT: grantingBody, REDUCE_SCOPE: grantingBody, EXTEND_SCOPE: grantingBody, ON_SITE_VISIT_DUE: systemOnly,
  },
  designations: {
    REQUEST_CORRECTION: cabsAuthority, ACCEPT_FILE: cabsAuthority, RECORD_ASSESSMENT: cabsAuthority, DESIGNATE: cabsAuthority, REFUSE: cabsAuthority,
    RECORD_SURVEILLANCE: cabsAuthority, SUSPEND: cabsAuthority, REINSTATE: cabsAuthority, WITHDRAW: cabsAuthority,
    RESUBMIT: either(theLab, cabsAuthority),
    REVIEW_OVERDUE: systemOnly, SURVEILLANCE_DUE: systemOnly, EXPIRED: systemOnly,
  },
  recognitions: {
    REQUEST_INFO: importingRegulator, RECOGNIZE: importingRegulator, OBJECT: importingRegulator, CONTEST: importingRegulator, CLOSE_CONTEST: importingRegulator, DERECOGNIZE: importingRegulator,
    // All exchanges with the importing regulator go through the designating authority.
    PROVIDE_INFO: cabsAuthority, ANSWER_CONTEST: cabsAuthority,
    RECORD_VERIFICATION_OUTCOME: either(importingRegulator, cabsAuthority),
    AGREE_VERIFICATION_OUTCOME: either(importingRegulator, cabsAuthority),
    DISAGREE_VERIFICATION_OUTCOME: either(importingRegulator, cabsAuthority),
    SUSPEND: either(importingRegulator, cabsAuthority), LIFT_SUSPENSION: either(importingRegulator, cabsAuthority),
    CONFIRM_CONTEST: cabsAuthority, OPPOSE_CONTEST: cabsAuthority, WITHDRAW: cabsAuthority, RENEW: cabsAuthority,
    INFO_REMINDER: systemOnly, INFO_OVERDUE: systemOnly, CONTEST_POSITION_DUE: systemOnly, REVIEW_OVERDUE: systemOnly, LISTING_EXPIRY_REMINDER: systemOnly, LISTING_EXPIRED: systemOnly,
    SCOPE_NARROWED: systemOnly, AGREEMENT_TERMINATED: systemOnly, DESIGNATION_ENDED: systemOnly, ACCREDITATION_LAPSED: systemOnly, ACCREDITATION_RESTORED: systemOnly,
    ACCREDITATION_SCOPE_REDUCED: systemOnly,
  },
  'test-reports': {
    ACCEPT: importingRegulator, REJECT: importingRegulator, REQUEST_INFO: importingRegulator, REVOKE: importingRegulator,
    PROVIDE_INFO: theLab, WITHDRAW: theLab,
    REVIEW_OVERDUE: systemOnly, EXPIRED: systemOnly, INFO_REMINDER: systemOnly, INFO_OVERDUE: systemOnly,
    LAB_RECOGNITION_ENDED: systemOnly, RECOGNITION_SUSPENDED: systemOnly, RECOGNITION_RESUMED: systemOnly, RECOGNITION_SCOPE_NARROWED: systemOnly,
  },
  certificates: {
    SET_ASIDE: importingRegulator, REVOKE: importingRegulator,
    SUSPEND: theLab, RESTORE: theLab, WITHDRAW: theLab,
    REVIEW_WINDOW_ENDED: systemOnly, EXPIRED: systemOnly, BODY_RECOGNITION_ENDED: systemOnly,
  },
  equivalences: {
    ACCEPT: partnerRegulator, REQUEST_CHANGES: partnerRegulator, DECLINE: partnerRegulator, CONFIRM: partnerRegulator,
    REVISE: proposingRegulator, ABANDON: proposingRegulator,
    REQUIREMENT_REVISED: either(partnerRegulator, proposingRegulator), GIVE_NOTICE: either(partnerRegulator, proposingRegulator), WITHDRAW_NOTICE: either(partnerRegulator, proposingRegulator),
    IN_FORCE: systemOnly, NOTICE_EFFECTIVE: systemOnly,
  },
};

/** docs/domain.md and docs/api.md, "Who sees what": a test report's lab, importing regulator, importer, and admins. */
const mayReadReport: Rule = (a, i) => a.role === 'admin' || theLab(a, i) || importingRegulator(a, i) || a.id === i.data['importerId'];

/** A body its schema takes, so that what refuses it is the authorisation (or the state), never validation. */
function validBody(kind: Kind, type: string): Record<string, unknown> {
  const future = '2030-06-30T00:00:00.000Z';
  return {
    type,
    ...(['SUSPEND', 'TERMINATE', 'GIVE_NOTICE', 'OBJECT', 'OPPOSE_CONTEST', 'WITHDRAW', 'DERECOGNIZE', 'REJECT', 'REVOKE', 'DISAGREE_VERIFICATION_OUTCOME'].includes(type) ? { reason: 'Lý do kiểm tra quyền' } : {}),
    ...(type === 'RECORD_VERIFICATION_OUTCOME' ? { outcome: 'maintained', basis: 'joint_verification', reference: 'BB-01', summary: 'Kết quả thẩm tra' } : {}),
    ...(type === 'REQUEST_INFO' ? { request: 'Đề nghị bổ sung hồ sơ' } : {}),
    ...(['PROVIDE_INFO', 'ANSWER_CONTEST'].includes(type) ? { response: 'Đã bổ sung' } : {}),
    ...(type === 'AMEND_SCOPE' ? { regulations: ['KR:KN 32'] } : {}),
    ...(kind === 'accreditations' && ['RENEW', 'REACCREDIT'].includes(type) ? { validUntil: future } : {}),
    ...(type === 'CONTEST' ? { reasons: 'Nghi ngờ năng lực đo' } : {}),
    ...(type === 'SCOPE_NARROWED' ? { agreementId: 'agr-x', economy: 'KR', removed: ['KR:KN 32'] } : {}),
    ...(type === 'AGREEMENT_TERMINATED' ? { agreementId: 'agr-x' } : {}),
    ...(type === 'DESIGNATION_ENDED' ? { designationId: 'des-x', designationState: 'withdrawn' } : {}),
    ...(type === 'ACCREDITATION_LAPSED' ? { accreditationId: 'acc-x', accreditationState: 'lapsed' } : {}),
    ...(type === 'ACCREDITATION_RESTORED' ? { accreditationId: 'acc-x' } : {}),
    ...(type === 'ACCREDITATION_SCOPE_REDUCED' ? { accreditationId: 'acc-x', removed: ['KR:KN 32'] } : {}),
    ...(kind === 'accreditations' && type === 'REINSTATE' ? { checkedOn: '2020-01-01T00:00:00.000Z', checkReference: 'ĐG-TC-01' } : {}),
    ...(type === 'RECORD_VISIT' ? { visitedOn: '2020-01-01T00:00:00.000Z', visitKind: 'surveillance', visitOutcome: 'conforming', reportReference: 'GS-01' } : {}),
    ...(type === 'REDUCE_SCOPE' ? { regulations: ['KR:KN 32'], reason: 'Lý do kiểm tra quyền' } : {}),
    ...(type === 'EXTEND_SCOPE' ? { regulations: ['KR:KN 32'], assessedOn: '2020-01-01T00:00:00.000Z', reportReference: 'MR-01' } : {}),
    ...(type === 'LAB_RECOGNITION_ENDED' ? { recognitionId: 'rec-x', recognitionState: 'withdrawn', scope: ['KR:KN 32'] } : {}),
    ...(type === 'RECOGNITION_SUSPENDED' ? { recognitionId: 'rec-x', scope: ['KR:KN 32'] } : {}),
    ...(['RECOGNITION_RESUMED'].includes(type) ? { recognitionId: 'rec-x' } : {}),
    ...(type === 'RECOGNITION_SCOPE_NARROWED' ? { recognitionId: 'rec-x', removed: ['KR:KN 32'] } : {}),
  };
}

export interface AuthorizationResult {
  instances: number;
  principals: number;
  /** Principal × event × instance cells, and of them the ones the table forbids (each sent). */
  cells: number;
  forbiddenSent: number;
  /** Forbidden events the service accepted: must be 0. */
  accepted: number;
  /** Refusals by status, e.g. { 403: 1200, 404: 300, 422: 40 }. */
  refusals: Record<number, number>;
  /** Refused by validation (400): the body did not reach the authorisation. Must be 0. */
  invalid: number;
  storeChanged: boolean;
  /** Outsider requests to test-report routes, and those not answered 404 (or listing the report). */
  outsiderRequests: number;
  outsiderSeen: number;
}

/** Instances of every kind in several states: agreements negotiating and operational, a pending and a recognised recognition, reports under review, waiting for information and accepted. */
async function buildInstances(api: ApiWorld): Promise<Array<{ kind: Kind; id: string }>> {
  const w = api.world;
  const negotiating = await w.agreement({ sign: false });
  const { lab, agreement, accreditation, recognition } = await w.recognizedLab();
  const other = await w.addLab();
  const otherAccreditation = await w.accreditation(other.cabId!);
  const pending = await w.recognition(agreement.id, other.cabId!, { recognize: false });
  w.advanceDays(3);
  const reviewed = await w.submit(lab);
  const asked = await w.submit(lab);
  await w.send('test-reports', asked.id, { type: 'REQUEST_INFO', request: 'Đề nghị bổ sung' }, 'kr-regulator');
  const accepted = await w.submit(lab);
  await w.send('test-reports', accepted.id, { type: 'ACCEPT' }, 'kr-regulator');
  return [
    { kind: 'agreements', id: negotiating.id }, { kind: 'agreements', id: agreement.id },
    { kind: 'accreditations', id: accreditation.id }, { kind: 'accreditations', id: otherAccreditation.id },
    { kind: 'recognitions', id: recognition.id }, { kind: 'recognitions', id: pending.id },
    { kind: 'test-reports', id: reviewed.id }, { kind: 'test-reports', id: asked.id }, { kind: 'test-reports', id: accepted.id },
  ];
}

async function describeInstance(api: ApiWorld, ref: { kind: Kind; id: string }): Promise<Instance> {
  const resource = await api.get<{ data: Record<string, unknown> }>(`/${ref.kind}/${ref.id}`, 'admin');
  const history = await api.get<{ items: Array<{ actor: { id: string } }> }>(`/${ref.kind}/${ref.id}/history`, 'admin');
  const cabId = resource.body.data['cabId'];
  const cab = typeof cabId === 'string' ? await api.get<{ economy: string }>(`/cabs/${cabId}`, 'admin') : null;
  return { ...ref, data: resource.body.data, creator: history.body.items[0]!.actor.id, cabEconomy: cab?.body.economy ?? null };
}

/** `only` limits the check to the first instance of one kind (the slice in `npm test`). */
export async function authorizationTable(api: ApiWorld, options: { only?: Kind } = {}): Promise<AuthorizationResult> {
  let refs = await buildInstances(api);
  if (options.only) refs = refs.filter((ref) => ref.kind === options.only).slice(0, 1);
  const instances = await Promise.all(refs.map((ref) => describeInstance(api, ref)));
  // Every principal of the world: the seed's and the labs it added; `system` is no principal.
  const principals = [...api.world.actors.values()].filter((actor) => actor.role !== 'system');
  const before = await api.world.snapshot();
  const result: AuthorizationResult = { instances: instances.length, principals: principals.length, cells: 0, forbiddenSent: 0, accepted: 0, refusals: {}, invalid: 0, storeChanged: false, outsiderRequests: 0, outsiderSeen: 0 };
  for (const instance of instances) {
    for (const actor of principals) {
      for (const [type, rule] of Object.entries(WHO_MAY_SEND[instance.kind])) {
        result.cells += 1;
        if (rule(actor, instance)) continue;
        result.forbiddenSent += 1;
        const answer = await api.post(`/${instance.kind}/${instance.id}/events`, validBody(instance.kind, type), actor.id);
        if (answer.status < 300) result.accepted += 1;
        if (answer.status === 400) result.invalid += 1;
        result.refusals[answer.status] = (result.refusals[answer.status] ?? 0) + 1;
      }
    }
  }
  result.storeChanged = JSON.stringify(await api.world.snapshot()) !== JSON.stringify(before);

  const reportRoutes = (await operationsOf(api)).filter((op) => op.path.startsWith('/test-reports/{'));
  for (const report of instances.filter((i) => i.kind === 'test-reports')) {
    for (const actor of principals.filter((a) => !mayReadReport(a, report))) {
      for (const route of reportRoutes) {
        const path = route.path.replace('{id}', report.id).replace(/\{\w+\}/g, '1');
        const answer = route.method === 'post' ? await api.post(path, validBody('test-reports', 'WITHDRAW'), actor.id) : await api.get(path, actor.id);
        result.outsiderRequests += 1;
        if (answer.status !== 404) result.outsiderSeen += 1;
      }
      const list = await api.get(`/test-reports?limit=200`, actor.id);
      result.outsiderRequests += 1;
      if (list.text.includes(report.id)) result.outsiderSeen += 1;
    }
  }
  return result;
}

/**
 * What a body can name, written from docs/domain.md (each kind's create body) and docs/api.md
 * ("Who may read and do what"): the reference fields of every create body, the records each
 * names, and who may read them. Test reports are read by their lab, the importing regulator,
 * their importer and admins; agreements and CABs by everyone (the register is not secret);
 * an importer may be named by whoever may create the record, and the answer says only whether
 * an importer of that id exists. Regulations and economies are public reference data. The
 * bodies a principal may send as events name no record (the ids in cascades are the system's).
 */
type Named = 'test-reports' | 'agreements' | 'cabs' | 'importers';
type Target = { id: string; data: Record<string, unknown> };
type CabTypes = ReadonlyMap<string, string>;

/** docs/domain.md, "Roles" and each kind: who may create it (the rules' other conditions aside). */
const MAY_CREATE: Record<'certificates' | 'test-reports' | 'recognitions' | 'accreditations', (a: Actor, cabs: CabTypes) => boolean> = {
  certificates: (a, cabs) => a.role === 'lab' && cabs.get(a.cabId ?? '') === 'certification_body',
  'test-reports': (a, cabs) => a.role === 'lab' && cabs.get(a.cabId ?? '') === 'lab',
  recognitions: (a) => a.role === 'designating_authority',
  accreditations: (a) => a.role === 'accreditation_body',
};

const READERS: Record<Named, (a: Actor, target: Target) => boolean> = {
  'test-reports': (a, t) => a.role === 'admin' || (a.role === 'lab' && a.cabId === t.data['cabId']) || (a.role === 'regulator' && a.economy === t.data['importingEconomy']) || a.id === t.data['importerId'],
  agreements: () => true,
  cabs: () => true,
  importers: () => true,
};

interface ReferenceField {
  kind: keyof typeof MAY_CREATE;
  field: string;
  names: Named;
  /** A create body naming `id` in the field, valid in every other respect. */
  body: (api: ApiWorld, id: string, fixture: ReferenceFixture) => Record<string, unknown>;
}

interface ReferenceFixture {
  /** A Vietnamese testing laboratory, accredited and not yet recognised: what a recognition names beside its agreement. */
  labCabId: string;
  /** An operational VN–KR agreement: what a recognition names beside its CAB. */
  agreementId: string;
}

const accreditationBody = (api: ApiWorld, cabId: string): Record<string, unknown> => {
  const now = api.world.clock.now().toISOString();
  const year = new Date(Date.parse(now) + 365 * 86_400_000).toISOString();
  return { cabId, standard: 'ISO/IEC 17025', certificateNumber: api.world.next('VILAS'), scope: ['KR:KN 32'], validFrom: now, validUntil: year };
};

export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { kind: 'certificates', field: 'testReports', names: 'test-reports', body: (api, id) => certificateBody(api.world, { testReports: [id] }) },
  { kind: 'certificates', field: 'applicantId', names: 'importers', body: (api, id) => certificateBody(api.world, { applicantId: id }) },
  { kind: 'test-reports', field: 'importerId', names: 'importers', body: (api, id) => api.world.reportBody({ importerId: id }) },
  { kind: 'test-reports', field: 'subcontractors', names: 'cabs', body: (api, id) => api.world.reportBody({ subcontractors: [id] }) },
  { kind: 'recognitions', field: 'agreementId', names: 'agreements', body: (_api, id, f) => ({ agreementId: id, cabId: f.labCabId, importingEconomy: 'KR', scope: ['KR:KN 32'] }) },
  { kind: 'recognitions', field: 'cabId', names: 'cabs', body: (_api, id, f) => ({ agreementId: f.agreementId, cabId: id, importingEconomy: 'KR', scope: ['KR:KN 32'] }) },
  { kind: 'accreditations', field: 'cabId', names: 'cabs', body: (api, id) => accreditationBody(api, id) },
];

const UNKNOWN_ID = 'no-such-record-0001';

export interface ReferenceResult {
  /** Principal × reference field × named record cells. */
  cells: number;
  /** Cells where the principal may not read the named record: each sent beside the same body naming an unknown id. */
  hiddenSent: number;
  /** Of them, answers that differ from the unknown id's (status, code, sentence, field errors), or accepted: must be 0. */
  told: number;
  /** Hidden cells after which the store had changed: must be 0. */
  changed: number;
  /** Readable cells sent by a principal that may create the kind, answered as an unknown reference: must be 0. */
  readableRefused: number;
  /** Answers of 5xx, to either kind of cell: must be 0 (two failures alike are no proof of anything). */
  failed: number;
  /** Created, per field, from a readable reference: at least one each. */
  created: Record<string, number>;
}

/** The answer as a comparison sees it: the request id left out and the named id written `<id>`. */
function answerShape(answer: { status: number; body: unknown }, id: string): string {
  const body = typeof answer.body === 'object' && answer.body !== null ? { ...(answer.body as Record<string, unknown>), requestId: undefined } : answer.body;
  return JSON.stringify({ status: answer.status, body }).replaceAll(id, '<id>');
}

/** A world with a report its own CAB may still name as a certification body, and the CABs' types. */
async function referenceWorld(api: ApiWorld): Promise<{ fixture: ReferenceFixture; targets: Record<Named, Target[]>; cabs: CabTypes }> {
  const w = api.world;
  const { lab, agreement } = await w.recognizedLab();
  const negotiating = await w.agreement({ sign: false });
  w.advanceDays(3);
  const reports = [await w.submit(lab), await w.submit(lab, { importerId: 'importer-pacific' })];
  // A CAB registered as a testing laboratory that submitted a report, then registered as a
  // certification body: the one body that may read a report it could rest a certificate on.
  const converted = await w.addLab();
  await w.accreditation(converted.cabId!);
  reports.push(await w.submit(converted));
  await w.store.putCab({ ...(await w.store.getCab(converted.cabId!))!, type: 'certification_body' });
  // Two accredited labs not yet recognised: one a recognition names beside each agreement, one
  // among the CABs it names beside the operational agreement.
  const applicants = [await w.addLab(), await w.addLab()];
  // Both designated at home for KR under the operational agreement: only the references stand in the way.
  for (const applicant of applicants) {
    await w.accreditation(applicant.cabId!);
    await w.designation(agreement.id, applicant.cabId!, { scope: ['KR:KN 32'] });
  }
  const cabList = await api.get<{ items: Array<{ id: string; type: string }> }>('/cabs?limit=200', 'admin');
  const importers = [...w.actors.values()].filter((a) => a.role === 'importer');
  return {
    fixture: { labCabId: applicants[0]!.cabId!, agreementId: agreement.id },
    targets: {
      'test-reports': reports.map((r) => ({ id: r.id, data: r.data })),
      agreements: [agreement, negotiating].map((a) => ({ id: a.id, data: a.data })),
      cabs: cabList.body.items.map((c) => ({ id: c.id, data: c })),
      importers: importers.map((a) => ({ id: a.id, data: {} })),
    },
    cabs: new Map(cabList.body.items.map((c) => [c.id, c.type])),
  };
}

/**
 * Every principal × every reference field × every record it could name: naming one it may not
 * read answers exactly as naming an unknown id and writes nothing; naming one it may read is
 * never refused as unknown, and creates where the rules allow. `only` limits it to one field
 * (`kind.field`), for the slice in `npm test`.
 */
export async function referenceTable(api: ApiWorld, options: { only?: string } = {}): Promise<ReferenceResult> {
  const { fixture, targets, cabs } = await referenceWorld(api);
  const principals = [...api.world.actors.values()].filter((actor) => actor.role !== 'system');
  const fields = REFERENCE_FIELDS.filter((f) => options.only === undefined || `${f.kind}.${f.field}` === options.only);
  const result: ReferenceResult = { cells: 0, hiddenSent: 0, told: 0, changed: 0, readableRefused: 0, failed: 0, created: {} };
  for (const reference of fields) {
    const label = `${reference.kind}.${reference.field}`;
    result.created[label] = 0;
    for (const actor of principals) {
      for (const target of targets[reference.names]) {
        result.cells += 1;
        if (READERS[reference.names](actor, target)) {
          if (!MAY_CREATE[reference.kind](actor, cabs)) continue;
          const answer = await api.post(`/${reference.kind}`, reference.body(api, target.id, fixture), actor.id);
          if (answer.status === 201) result.created[label] += 1;
          if (answer.status >= 500) result.failed += 1;
          if ((answer.body as { code?: string }).code === 'UNKNOWN_REFERENCE') result.readableRefused += 1;
          continue;
        }
        result.hiddenSent += 1;
        const before = JSON.stringify(await api.world.snapshot());
        const named = await api.post(`/${reference.kind}`, reference.body(api, target.id, fixture), actor.id);
        const unknown = await api.post(`/${reference.kind}`, reference.body(api, UNKNOWN_ID, fixture), actor.id);
        if (named.status >= 500 || unknown.status >= 500) result.failed += 1;
        if (named.status < 300 || answerShape(named, target.id) !== answerShape(unknown, UNKNOWN_ID)) result.told += 1;
        if (JSON.stringify(await api.world.snapshot()) !== before) result.changed += 1;
      }
    }
  }
  return result;
}
