/**
 * Models for walking each machine's graph with `xstate/graph`: the inputs to start from, the
 * events to try in every state, and how to tell states apart. `edges()` gives one edge per
 * transition of the machine definition, with the shortest path of events that reaches it, so
 * the tests can replay each path, first on the bare machine, then through the engine.
 */
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { workflows } from '../../src/kinds/index.js';
import type { RecognitionData } from '../../src/kinds/recognition/machine.js';
import type { TestReportData } from '../../src/kinds/test-report/machine.js';
import type { Actor, Kind, Workflow } from '../../src/kinds/types.js';
import { BASE, KR_SCOPE, VN_SCOPE, daysFrom } from './world.js';

export type MachineEvent = EventObject & { at: string; actor: Actor } & Record<string, unknown>;

export interface GraphModel {
  kind: Kind;
  /** Named starting inputs: the machine's input for each. */
  inputs: Record<string, Record<string, unknown>>;
  /** Events to try in a state. Actor ids starting with `$` are stand-ins the engine test resolves. */
  events: (snapshot: AnyMachineSnapshot) => MachineEvent[];
  /** Distinguishes states whose guards would answer differently. */
  serialize: (snapshot: AnyMachineSnapshot) => string;
  /**
   * What the engine's rules fill into an event in a state (the instants deadlines are anchored
   * on), so a walk of the bare machine has the fields the engine's would.
   */
  filled?: (state: string, event: MachineEvent) => Record<string, unknown>;
}

/** A transition of the machine definition: `state --event--> target`, candidate `index` of that event. */
export interface DeclaredTransition {
  key: string;
  state: string;
  event: string;
  index: number;
}

export interface Edge extends DeclaredTransition {
  variant: string;
  from: string;
  to: string;
  /** Events from the initial state to `from`, then the edge's own event last. */
  path: MachineEvent[];
}

const actor = (id: string, role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ id, role, ...extra });
const VN_REGULATOR = actor('vn-regulator', 'regulator', { economy: 'VN' });
const KR_REGULATOR = actor('kr-regulator', 'regulator', { economy: 'KR' });
const VN_DA = actor('vn-designating-authority', 'designating_authority', { economy: 'VN' });
const VN_AB = actor('vn-accreditation-body', 'accreditation_body', { economy: 'VN' });
const SYSTEM = actor('system', 'system');
/** Stand-in for the lab the engine test creates for each instance. */
const THE_LAB = actor('$lab', 'lab', { economy: 'VN' });
/** Stand-in for the certification body the engine test creates for each certificate. */
const THE_BODY = actor('$body', 'lab', { economy: 'VN' });

const at = BASE;
const ev = (type: string, by: Actor, payload: Record<string, unknown> = {}, when = at): MachineEvent => ({ type, at: when, actor: by, ...payload });

export const graphModels: Record<Kind, GraphModel> = {
  agreements: {
    kind: 'agreements',
    inputs: {
      'with a confidence-building period': {
        economies: ['VN', 'KR'],
        phase: 'I',
        scope: { VN: VN_SCOPE, KR: KR_SCOPE },
        transitionEndsAt: daysFrom(BASE, 30),
      },
      'without a confidence-building period': { economies: ['VN', 'KR'], phase: 'I', scope: { VN: VN_SCOPE, KR: KR_SCOPE } },
    },
    events: () => [
      ev('SIGN', VN_REGULATOR),
      ev('SIGN', KR_REGULATOR),
      ev('TRANSITION_ENDED', SYSTEM, {}, daysFrom(BASE, 30)),
      ev('SUSPEND', KR_REGULATOR, { reason: 'Suspended pending a review of the designation procedures.' }),
      ev('SUSPEND', VN_REGULATOR, { reason: 'Tạm đình chỉ để rà soát.' }),
      ev('RESUME', KR_REGULATOR),
      ev('RESUME', VN_REGULATOR),
      ev('AMEND_SCOPE', VN_REGULATOR, { regulations: VN_SCOPE.slice(0, 2) }),
      ev('TERMINATE', VN_REGULATOR, { reason: 'Negotiations broken off.' }),
      ev('GIVE_NOTICE', KR_REGULATOR, { reason: 'Notice of termination by exchange of letters.', effectiveAt: daysFrom(BASE, 180) }),
      ev('WITHDRAW_NOTICE', KR_REGULATOR),
      ev('NOTICE_EFFECTIVE', SYSTEM, {}, daysFrom(BASE, 180)),
    ],
    serialize: (s) => {
      const c = s.context as { signatures: object; suspendedBy: string[]; notice?: object };
      return JSON.stringify([s.value, Object.keys(c.signatures).sort(), [...c.suspendedBy].sort(), c.notice !== undefined]);
    },
  },

  accreditations: {
    kind: 'accreditations',
    inputs: {
      'a new accreditation': {
        cabId: 'vn-lab-sai-gon',
        standard: 'ISO/IEC 17025',
        certificateNumber: 'VILAS 999',
        scope: KR_SCOPE,
        validFrom: daysFrom(BASE, -400),
        validUntil: daysFrom(BASE, 400),
        accreditationBodyId: 'vn-accreditation-body',
        economy: 'VN',
      },
    },
    events: () => [
      ev('RENEWAL_DUE', SYSTEM),
      ev('RENEWAL_SUBMITTED', actor('lab-sai-gon', 'lab', { economy: 'VN', cabId: 'vn-lab-sai-gon' })),
      ev('RENEW', VN_AB, { validUntil: daysFrom(BASE, 800) }),
      ev('EXPIRED', SYSTEM),
      ev('SUSPEND', VN_AB, { reason: 'Đánh giá giám sát không đạt.' }),
      ev('REINSTATE', VN_AB, { checkedOn: BASE, checkReference: 'VILAS 999/ĐG-TC-01' }),
      ev('REACCREDIT', VN_AB, { validUntil: daysFrom(BASE, 800), certificateNumber: 'VILAS 999-2' }),
      ev('WITHDRAW', VN_AB, { reason: 'Withdrawn at the CAB’s request.' }),
      ev('RECORD_VISIT', VN_AB, {
        visitedOn: daysFrom(BASE, -10),
        visitKind: 'surveillance',
        onSite: true,
        visitOutcome: 'conforming',
        reportReference: 'VILAS 999/GS-01',
      }),
      ev('ON_SITE_VISIT_DUE', SYSTEM),
      ev('REDUCE_SCOPE', VN_AB, { regulations: [KR_SCOPE[2]!], reason: 'Kết quả giám sát không đạt với KN 35.' }),
      ev('EXTEND_SCOPE', VN_AB, {
        regulations: ['KR:Technical Requirements for Telecommunications Terminal Equipment'],
        assessedOn: daysFrom(BASE, -5),
        reportReference: 'VILAS 999/MR-01',
      }),
    ],
    serialize: (s) => JSON.stringify(s.value),
  },

  designations: {
    kind: 'designations',
    inputs: {
      'an application for designation': {
        cabId: '$cab',
        agreementId: '$agreement',
        importingEconomy: 'KR',
        exportingEconomy: 'VN',
        scope: KR_SCOPE,
        cabAddress: '123 Đường Võ Văn Ngân, Thủ Đức, Thành phố Hồ Chí Minh',
        testSites: [{ address: '123 Đường Võ Văn Ngân, Thủ Đức, Thành phố Hồ Chí Minh' }],
        contact: { name: 'Nguyễn Văn An', email: 'an@lab.example', phone: '+84 28 3896 0000' },
        accreditationId: '$accreditation',
        accreditation: { id: '$accreditation', accreditationBodyId: 'vn-accreditation-body', standard: 'ISO/IEC 17025', certificateNumber: 'VILAS 999', validUntil: daysFrom(BASE, 700) },
        testsForOthers: false,
        declaration: { signedBy: 'Nguyễn Văn An', signedAt: daysFrom(BASE, -1) },
        ownership: { fivePercentOrMore: false },
      },
    },
    events: () => [
      ev('REVIEW_OVERDUE', SYSTEM),
      ev('REQUEST_CORRECTION', VN_DA, { request: 'Bổ sung bản sao chứng chỉ công nhận và phạm vi công nhận.' }),
      ev('RESUBMIT', THE_LAB, { response: 'Đã bổ sung bản sao chứng chỉ công nhận.' }),
      ev('ACCEPT_FILE', VN_DA, { council: ['Trần Thị Bình', 'Lê Văn Cường'] }),
      ev('RECORD_ASSESSMENT', VN_DA, { assessedAt: at, assessors: ['Trần Thị Bình'], findings: 'Đáp ứng yêu cầu.' }),
      ev('DESIGNATE', VN_DA, { decision: 'QĐ 123/QĐ-BKHCN', validUntil: daysFrom(BASE, 3 * 365) }),
      ev('REFUSE', VN_DA, { reason: 'Không đáp ứng yêu cầu về năng lực.' }),
      ev('RECORD_SURVEILLANCE', VN_DA, { surveyedAt: at, findings: 'Duy trì năng lực.' }),
      ev('SURVEILLANCE_DUE', SYSTEM),
      ev('SUSPEND', VN_DA, { reason: 'Tạm đình chỉ trong thời gian khắc phục.' }),
      ev('REINSTATE', VN_DA),
      ev('WITHDRAW', VN_DA, { reason: 'Tổ chức đề nghị hủy bỏ.' }),
      ev('EXPIRED', SYSTEM),
      ev('REINSTATE', VN_DA, {}, daysFrom(BASE, 4 * 365)),
    ],
    serialize: (s) => {
      const c = s.context as { assessments: unknown[] };
      return JSON.stringify([s.value, c.assessments.length > 0]);
    },
  },

  recognitions: {
    kind: 'recognitions',
    inputs: {
      'an application': { agreementId: '$agreement', cabId: '$cab', importingEconomy: 'KR', exportingEconomy: 'VN', scope: KR_SCOPE, designationId: '$designation' },
    },
    events: () => [
      ev('REQUEST_INFO', KR_REGULATOR, { request: 'Please send the proficiency-testing results.' }),
      ev('REQUEST_INFO', KR_REGULATOR, { request: 'Please send the calibration records.', onNoAnswer: 'close' }),
      ev('PROVIDE_INFO', VN_DA, { response: 'Đã gửi kết quả thử nghiệm thành thạo.' }),
      ev('INFO_REMINDER', SYSTEM),
      ev('INFO_OVERDUE', SYSTEM),
      ev('RECOGNIZE', KR_REGULATOR, { validUntil: daysFrom(BASE, 3 * 365) }),
      ev('OBJECT', KR_REGULATOR, { reason: 'Scope not demonstrated.' }),
      ev('SUSPEND', KR_REGULATOR, { reason: 'Complaint under investigation.' }),
      ev('SUSPEND', VN_DA, { reason: 'Tạm đình chỉ chỉ định trong thời gian đánh giá lại.' }),
      ev('SUSPEND', KR_REGULATOR, { reason: 'KN 301 489 results under investigation.', regulations: [KR_SCOPE[0]!] }),
      ev('LIFT_SUSPENSION', KR_REGULATOR),
      ev('LIFT_SUSPENSION', VN_DA),
      ev('CONTEST', KR_REGULATOR, {
        reasons: 'Proficiency-testing results for KN 301 489 were unsatisfactory twice in a row.',
        answerBy: daysFrom(BASE, 30),
        positionBy: daysFrom(BASE, 60),
      }),
      ev('ANSWER_CONTEST', VN_DA, { response: 'Phòng thử nghiệm đã khắc phục và gửi kết quả thử nghiệm thành thạo mới.' }),
      ev('CONFIRM_CONTEST', VN_DA),
      ev('OPPOSE_CONTEST', VN_DA, { reason: 'The lab corrected its method; a joint verification is asked for.' }),
      ev('CONTEST_POSITION_DUE', SYSTEM, {}, daysFrom(BASE, 60)),
      ev('CLOSE_CONTEST', KR_REGULATOR),
      ev('SUSPEND', KR_REGULATOR, { reason: 'Suspended at the end of the contest.' }, daysFrom(BASE, 31)),
      ev('WITHDRAW', VN_DA, { reason: 'Lab closed its RF section.' }),
      ev('DERECOGNIZE', KR_REGULATOR, { reason: 'Repeated non-conformities.' }),
      ev('DERECOGNIZE', KR_REGULATOR, { reason: 'Competence not demonstrated within the answer period.' }, daysFrom(BASE, 31)),
      ev('RENEW', VN_DA),
      ev('RECORD_VERIFICATION_OUTCOME', KR_REGULATOR, {
        outcome: 'maintained',
        basis: 'joint_verification',
        reference: 'JV-2026-01',
        summary: 'The joint visit found the method corrected.',
      }),
      ev('RECORD_VERIFICATION_OUTCOME', VN_DA, {
        outcome: 'withdrawn',
        basis: 'joint_committee',
        reference: 'JC-2026-02',
        summary: 'Ủy ban hỗn hợp quyết định hủy bỏ hiệu lực thừa nhận.',
      }),
      ev('AGREE_VERIFICATION_OUTCOME', VN_DA),
      ev('AGREE_VERIFICATION_OUTCOME', KR_REGULATOR),
      ev('DISAGREE_VERIFICATION_OUTCOME', VN_DA, { reason: 'The visit did not cover the RF section.' }),
      ev('DISAGREE_VERIFICATION_OUTCOME', KR_REGULATOR, { reason: 'The committee has not met.' }),
      ev('REVIEW_OVERDUE', SYSTEM),
      ev('LISTING_EXPIRY_REMINDER', SYSTEM),
      ev('LISTING_EXPIRED', SYSTEM),
      ev('AGREEMENT_TERMINATED', SYSTEM, { agreementId: '$agreement' }),
      ev('DESIGNATION_ENDED', SYSTEM, { designationId: '$designation', designationState: 'withdrawn' }),
      ev('ACCREDITATION_LAPSED', SYSTEM, { accreditationId: '$accreditation', accreditationState: 'lapsed' }),
      ev('ACCREDITATION_RESTORED', SYSTEM, { accreditationId: '$accreditation' }),
      ev('ACCREDITATION_RESTORED', SYSTEM, { accreditationId: '$accreditation' }, daysFrom(BASE, 4 * 365)),
      ev('SCOPE_NARROWED', SYSTEM, { agreementId: '$agreement', economy: 'KR', removed: [KR_SCOPE[2]!] }),
      ev('SCOPE_NARROWED', SYSTEM, { agreementId: '$agreement', economy: 'KR', removed: KR_SCOPE }),
      ev('ACCREDITATION_SCOPE_REDUCED', SYSTEM, { accreditationId: '$accreditation', removed: [KR_SCOPE[1]!] }),
      ev('ACCREDITATION_SCOPE_REDUCED', SYSTEM, { accreditationId: '$accreditation', removed: KR_SCOPE }),
    ],
    // The renewal's review reminder and the deadlines of a request for information on it (rules.ts).
    filled: (state, e) =>
      e.type === 'RENEW'
        ? { reviewBy: daysFrom(e.at, 90) }
        : e.type === 'REQUEST_INFO' && state !== 'pending'
          ? { remindAt: daysFrom(e.at, 30), answerBy: daysFrom(e.at, 60) }
          : {},
    serialize: (s) => {
      // Only what the guards of the current state read, so the graph stays small.
      const c = s.context as RecognitionData;
      const state = String(s.value);
      const open = [...new Set(c.suspensions.filter((x) => x.to === undefined).map((x) => `${x.side}:${x.regulations ? 'part' : 'whole'}`))].sort();
      const contest = c.contest ? [c.contest.position ?? null, c.contest.outcome ?? null, c.contest.proposedOutcome ? `${c.contest.proposedOutcome.side}:${c.contest.proposedOutcome.outcome}` : null] : null;
      const renewal = c.renewal ? (c.renewal.infoRequest?.onNoAnswer ?? 'pending') : null;
      const reads: Record<string, unknown[]> = {
        pending: [c.renewal !== undefined, open],
        info_requested: [c.renewal !== undefined, c.infoRequest?.onNoAnswer],
        recognized: [open, c.validUntil !== undefined, renewal],
        suspended: [open, contest, renewal],
        contested: [contest, open, renewal],
        verification: [open, contest, renewal],
        lapsed: [open, contest, renewal],
      };
      return JSON.stringify([state, c.scope.length, ...(reads[state] ?? [])]);
    },
  },

  'test-reports': {
    kind: 'test-reports',
    inputs: {
      'from a recognised lab': reportInput(true),
      'from a lab that was not recognised': reportInput(false),
      'from a lab whose recognition is suspended now': reportInput(true, true),
    },
    events: () => [
      ev('ACCEPT', KR_REGULATOR, { validUntil: daysFrom(BASE, 3 * 365) }),
      ev('REJECT', KR_REGULATOR, { reason: 'Spurious emission results missing.' }),
      ev('REQUEST_INFO', KR_REGULATOR, { request: 'Please send photos of the test set-up.' }),
      ev('PROVIDE_INFO', THE_LAB, { response: 'Ảnh chụp bố trí thử nghiệm đính kèm.' }),
      ev('WITHDRAW', THE_LAB, { reason: 'Submitted against the wrong model.' }),
      ev('REVOKE', KR_REGULATOR, { reason: 'Market surveillance found a non-compliant sample.' }),
      ev('REVIEW_OVERDUE', SYSTEM),
      ev('EXPIRED', SYSTEM),
      ev('REQUEST_INFO', KR_REGULATOR, { request: 'Please send the calibration certificates.', onNoAnswer: 'close' }),
      ev('INFO_REMINDER', SYSTEM),
      ev('INFO_OVERDUE', SYSTEM),
      ev('LAB_RECOGNITION_ENDED', SYSTEM, { recognitionId: '$recognition', recognitionState: 'withdrawn', scope: KR_SCOPE }),
      ev('RECOGNITION_SUSPENDED', SYSTEM, { recognitionId: '$recognition', scope: KR_SCOPE }),
      ev('RECOGNITION_RESUMED', SYSTEM, { recognitionId: '$recognition' }),
      ev('RECOGNITION_SCOPE_NARROWED', SYSTEM, { recognitionId: '$recognition', removed: ['KR:KN 301 489'] }),
    ],
    serialize: (s) => {
      const c = s.context as TestReportData;
      return JSON.stringify([s.value, c.infoRequest?.onNoAnswer ?? null]);
    },
  },

  certificates: {
    kind: 'certificates',
    inputs: {
      'from a recognised body': certificateInput(true),
      'from a body that was not recognised': certificateInput(false),
    },
    events: () => [
      ev('SET_ASIDE', KR_REGULATOR, { reason: 'The grant does not meet KN 301 489 clause 7.' }),
      ev('REVIEW_WINDOW_ENDED', SYSTEM),
      ev('SUSPEND', THE_BODY, { reason: 'Tạm đình chỉ trong thời gian giám sát sau chứng nhận.' }),
      ev('RESTORE', THE_BODY),
      ev('WITHDRAW', THE_BODY, { reason: 'Nhà sản xuất thay đổi thiết kế.' }),
      ev('REVOKE', KR_REGULATOR, { reason: 'Market surveillance found a non-compliant sample.' }),
      ev('EXPIRED', SYSTEM),
      ev('BODY_RECOGNITION_ENDED', SYSTEM, { recognitionId: '$recognition', recognitionState: 'withdrawn', scope: KR_SCOPE }),
    ],
    serialize: (s) => JSON.stringify(s.value),
  },

  equivalences: {
    kind: 'equivalences',
    inputs: {
      'a partial equivalence of a QCVN to a KN': {
        partnerEconomy: 'KR',
        requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' },
        counterpart: 'KR:KN 301 489',
        differences: [{ test: 'Radiated immunity 80 MHz – 6 GHz' }],
        proposingEconomy: 'VN',
      },
    },
    events: () => [
      ev('ACCEPT', KR_REGULATOR, { inForceFrom: BASE }),
      ev('ACCEPT', KR_REGULATOR, { inForceFrom: daysFrom(BASE, 30) }),
      ev('REQUEST_CHANGES', KR_REGULATOR, { request: 'Please list the immunity tests as additional tests.' }),
      ev('REVISE', VN_REGULATOR, { differences: [{ test: 'Radiated immunity 80 MHz – 6 GHz' }, { test: 'ESD ±8 kV' }] }),
      ev('DECLINE', KR_REGULATOR, { reason: 'The requirements differ too much.' }),
      ev('ABANDON', VN_REGULATOR),
      ev('IN_FORCE', SYSTEM, {}, daysFrom(BASE, 30)),
      ev('REQUIREMENT_REVISED', VN_REGULATOR, { requirement: { regulation: 'VN:QCVN 65:2021/BTTTT' } }),
      ev('CONFIRM', KR_REGULATOR),
      ev('GIVE_NOTICE', KR_REGULATOR, { reason: 'Withdrawal by exchange of letters.', effectiveAt: daysFrom(BASE, 180) }),
      ev('NOTICE_EFFECTIVE', SYSTEM, {}, daysFrom(BASE, 180)),
      ev('WITHDRAW_NOTICE', KR_REGULATOR),
    ],
    // The in-force date tells a withdrawn notice whether to go back to accepted or in_force.
    serialize: (s) => JSON.stringify([s.value, (s.context as { inForceFrom?: string }).inForceFrom ?? null]),
  },
};

function certificateInput(recognized: boolean): Record<string, unknown> {
  return {
    certificateNumber: 'TLC-GRAPH',
    importingEconomy: 'KR',
    regulations: ['KR:KN 301 489'],
    equipment: { manufacturer: 'Phương Nam', model: 'PN-AX3000', category: 'Wi-Fi router' },
    applicantId: 'importer-hanbit',
    issuedAt: BASE,
    cabId: '$cab',
    exportingEconomy: 'VN',
    reviewWindowEndsAt: daysFrom(BASE, 30),
    validUntil: daysFrom(BASE, 5 * 365),
    facts: {
      issuedAt: BASE,
      body: { cabId: '$cab', economy: 'VN' },
      agreement: { id: '$agreement', state: 'operational', phase: 'II', inForce: true },
      recognitions: recognized ? [{ id: '$recognition', state: 'recognized', inForceOnIssueDate: true, scope: KR_SCOPE }] : [],
      uncoveredRegulations: recognized ? [] : ['KR:KN 301 489'],
      retiredRegulations: [],
      accreditationActive: true,
      accreditation: { standard: 'ISO/IEC 17065', activeOnDate: ['acc-graph'], uncoveredRegulations: [] },
      reports: [],
      equivalence: { matches: [] },
    },
  };
}

function reportInput(recognized: boolean, suspendedNow = false): Record<string, unknown> {
  const testedAt = daysFrom(BASE, -2);
  return {
    reportNumber: 'RF-GRAPH',
    importingEconomy: 'KR',
    certificationApplication: { reference: 'APP-GRAPH', authority: 'Radio Research Agency' },
    regulations: ['KR:KN 301 489'],
    equipment: { manufacturer: 'Phương Nam', model: 'PN-AX3000', category: 'Wi-Fi router' },
    testedAt,
    issuedAt: daysFrom(BASE, -1),
    cabId: '$cab',
    exportingEconomy: 'VN',
    facts: {
      testedAt,
      lab: { cabId: '$cab', economy: 'VN' },
      agreement: { id: '$agreement', state: 'operational', inForce: true },
      recognitions: recognized ? [{ id: '$recognition', state: suspendedNow ? 'suspended' : 'recognized', inForceOnTestDate: true, scope: KR_SCOPE }] : [],
      uncoveredRegulations: recognized ? [] : ['KR:KN 301 489'],
      suspendedRecognitions: suspendedNow ? ['$recognition'] : [],
      retiredRegulations: [],
      accreditationActive: true,
      accreditation: { standard: 'ISO/IEC 17025', activeOnDate: ['acc-graph'], uncoveredRegulations: [] },
      subcontractors: [],
    },
  };
}

/** Every `on` transition of the machine, one per candidate (a guarded event may have several). */
export function declaredTransitions(machine: AnyStateMachine): DeclaredTransition[] {
  return Object.entries(machine.states).flatMap(([state, node]) =>
    [...node.transitions.entries()].flatMap(([event, candidates]) =>
      candidates.map((_, index) => ({ key: `${state} --${event}${candidates.length > 1 ? `#${index + 1}` : ''}-->`, state, event, index })),
    ),
  );
}

/** Which declared transition the machine takes for `event` in `snapshot`, if any. */
function takenTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: MachineEvent): DeclaredTransition | null {
  const [taken] = machine.getTransitionData(snapshot, event);
  if (!taken) return null;
  const state = String(snapshot.value);
  const candidates = machine.states[state]!.transitions.get(event.type) ?? [];
  const index = candidates.indexOf(taken);
  return declaredTransitions(machine).find((t) => t.state === state && t.event === event.type && t.index === index) ?? null;
}

/** One edge per declared transition reachable from the model's inputs, each with its shortest path. */
export function edges(model: GraphModel): Edge[] {
  const workflow: Workflow = workflows[model.kind];
  const machine = workflow.machine;
  const found = new Map<string, Edge>();
  for (const [variant, input] of Object.entries(model.inputs)) {
    const options = { events: model.events, input, serializeState: (s: AnyMachineSnapshot) => model.serialize(s) };
    const pathTo = new Map<string, MachineEvent[]>();
    for (const path of getShortestPaths(machine, options)) {
      pathTo.set(
        model.serialize(path.state),
        path.steps.map((step) => step.event as MachineEvent).filter((e) => e.type !== 'xstate.init'),
      );
    }
    const adjacency = getAdjacencyMap(machine, options) as Record<
      string,
      { state: AnyMachineSnapshot; transitions: Record<string, { event: MachineEvent; state: AnyMachineSnapshot }> }
    >;
    for (const [stateKey, { state, transitions }] of Object.entries(adjacency)) {
      for (const { event, state: next } of Object.values(transitions)) {
        const declared = takenTransition(machine, state, event);
        if (!declared || found.has(declared.key)) continue;
        found.set(declared.key, {
          ...declared,
          variant,
          from: String((state).value),
          to: String((next).value),
          path: [...(pathTo.get(stateKey) ?? []), event],
        });
      }
    }
  }
  return [...found.values()];
}
