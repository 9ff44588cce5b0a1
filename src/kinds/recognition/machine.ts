/**
 * One CAB recognised by one importing economy under one agreement (docs/domain.md, "Recognition").
 *
 * pending --REQUEST_INFO--> info_requested --PROVIDE_INFO / INFO_OVERDUE (review)--> pending
 * info_requested --INFO_OVERDUE (close)--> objected
 * pending --RECOGNIZE--> recognized (designation number, listing validity) | --OBJECT--> objected
 * recognized --SUSPEND (either side, each for itself)--> suspended --LIFT_SUSPENSION (the side
 *   that suspended; the last one)--> recognized; SUSPEND with `regulations` suspends those only
 * recognized --CONTEST (importing regulator)--> contested --OPPOSE_CONTEST--> verification
 * contested | verification --CLOSE_CONTEST--> recognized | --SUSPEND--> suspended | --DERECOGNIZE--> withdrawn
 * recognized | suspended | contested | verification | lapsed --WITHDRAW / AGREEMENT_TERMINATED--> withdrawn
 * live states --DESIGNATION_ENDED (its designation at home withdrawn or expired)--> withdrawn
 * recognized | contested | verification --ACCREDITATION_LAPSED--> lapsed --ACCREDITATION_RESTORED--> recognized (or expired)
 * live states --SCOPE_NARROWED--> the scope narrowed (withdrawn when nothing is left)
 * recognized | suspended | contested | verification | lapsed --LISTING_EXPIRED--> expired
 * ACCREDITATION_LAPSED / ACCREDITATION_RESTORED act only for the accreditation the recognition
 *   was granted on (`accreditationId`)
 * recognized --RENEW--> pending, the listing kept in force until the decision
 *
 * `inForce` records when the recognition held, so a test report can be judged on its test date;
 * `suspensions` who suspended what, since when; `contest` the procedure of 21 CFR 26.67–26.68.
 */
import { and, assign, not, setup } from 'xstate';
import type { CreateRecognition, RecognitionEventBody } from './schemas.js';
import {
  contestDecidable,
  liftableBy,
  openSuspensions,
  sideOf,
  suspendedBy,
  wholeSuspensions,
  type Contest,
  type Suspension,
} from './standing.js';
import { recognitionMigrations } from './migrations.js';
import { closePeriods, compareInstants, defineWorkflow, inAnyPeriod, openPeriod, type EventMeta, type Period, type Rule } from '../types.js';

export type RecognitionInput = CreateRecognition & {
  /** The CAB's economy. */
  exportingEconomy: string;
  /**
   * The accreditation it stands on (filled by the engine, on application and again on RECOGNIZE):
   * only that one's loss lapses the recognition. Absent in records of older releases, which
   * follow any accreditation of their CAB as they used to.
   */
  accreditationId?: string;
};

export type RecognitionData = RecognitionInput & {
  designationNumber?: string;
  /** End of the current listing. */
  validUntil?: string;
  /** When the recognition was in force; the last period is open while it is. */
  inForce: Period[];
  /** A renewal is under review; the previous listing stays in force meanwhile. */
  renewal: boolean;
  /** Every suspension, open or lifted, with the side that imposed it. */
  suspensions: Suspension[];
  /** The economy of each side holding an open suspension (what the LIFT_SUSPENSION rules bind to). */
  suspendedBy: { importing?: string; designating?: string };
  /** The contest of the CAB's competence, the current or the last one. */
  contest?: Contest;
  /** What happens if the information asked for is not given in time. */
  infoRequest?: { at: string; onNoAnswer: 'review' | 'close' };
  /** Regulations taken out of the scope because their Party removed them from the agreement. */
  scopeRemovals: Array<{ at: string; economy: string; removed: string[] }>;
};

/** RECOGNIZE carries, filled by the engine, the accreditation the recognition is granted on. */
export type RecognitionEvent = RecognitionEventBody & EventMeta & { accreditationId?: string };

/** Whether the recognition was in force at an instant. */
export function recognitionInForceOn(data: RecognitionData, at: string): boolean {
  return inAnyPeriod(data.inForce, at);
}

const IMPORTING_REGULATOR: readonly Rule[] = [{ role: 'regulator', economy: 'importingEconomy' }];
const DESIGNATING_AUTHORITY: readonly Rule[] = [{ role: 'designating_authority', economy: 'exportingEconomy' }];
const EITHER_AUTHORITY: readonly Rule[] = [...IMPORTING_REGULATOR, ...DESIGNATING_AUTHORITY];
/** Only the side holding a suspension may lift it. */
const THE_SUSPENDING_SIDE: readonly Rule[] = [
  { role: 'regulator', economy: 'suspendedBy.importing' },
  { role: 'designating_authority', economy: 'suspendedBy.designating' },
];

type Ctx = { context: RecognitionData; event: RecognitionEvent };
const side = ({ context, event }: Ctx) => sideOf(event.actor, context);
const removedHere = ({ context, event }: Ctx) =>
  event.type === 'SCOPE_NARROWED' && event.economy === context.importingEconomy ? context.scope.filter((r) => event.removed.includes(r)) : [];

export const recognitionMachine = setup({
  types: {
    context: {} as RecognitionData,
    events: {} as RecognitionEvent,
    input: {} as RecognitionInput,
  },
  guards: {
    isRenewal: ({ context }) => context.renewal,
    listingValid: ({ context, event }) => context.validUntil !== undefined && compareInstants(context.validUntil, event.at) > 0,
    /** A suspension of some regulations only. */
    isPartial: ({ event }) => event.type === 'SUSPEND' && event.regulations !== undefined,
    /** The sender's side does not already suspend the whole recognition. */
    sideMaySuspend: (args) => !wholeSuspensions(args.context).some((s) => s.side === side(args)),
    /** Lifting the sender's suspensions leaves no suspension of the whole recognition. */
    liftsTheLast: (args) => {
      const mine = side(args);
      return mine !== null && wholeSuspensions(args.context).every((s) => liftableBy(s, mine));
    },
    senderIsDesignating: (args) => side(args) === 'designating',
    /** The sender's side holds an open suspension it may lift. */
    sideHoldsSuspension: (args) => {
      const mine = side(args);
      return mine !== null && openSuspensions(args.context).some((s) => liftableBy(s, mine));
    },
    contestDecidable: ({ context, event }) => contestDecidable(context.contest, event.at),
    /** The recognition was suspended at the end of a contest: the regulator may now withdraw it. */
    suspendedAfterContest: ({ context }) => context.contest?.outcome === 'suspended',
    awaitsPosition: ({ context }) => context.contest !== undefined && context.contest.position === undefined,
    closesOnNoAnswer: ({ context }) => context.infoRequest?.onNoAnswer === 'close',
    narrowsScope: (args) => removedHere(args).length > 0,
    removesAll: (args) => removedHere(args).length === args.context.scope.length,
    /** The designation at home that ended is the one this recognition rests on. */
    itsOwnDesignation: ({ context, event }) => event.type === 'DESIGNATION_ENDED' && context.designationId === event.designationId,
    /** The accreditation that lapsed or was restored is the one this recognition stands on. */
    itsOwnAccreditation: ({ context, event }) => context.accreditationId === undefined || context.accreditationId === event.accreditationId,
  },
  actions: {
    /** The engine fills in the designation number and validity when the regulator leaves them out. */
    list: assign(({ context, event }) =>
      event.type === 'RECOGNIZE'
        ? {
            designationNumber: event.designationNumber,
            validUntil: event.validUntil,
            accreditationId: event.accreditationId ?? context.accreditationId,
            inForce: openPeriod(context.inForce, event.at),
            renewal: false,
          }
        : {},
    ),
    endForce: assign({ inForce: ({ context, event }) => closePeriods(context.inForce, event.at), renewal: false }),
    restoreForce: assign({ inForce: ({ context, event }) => openPeriod(context.inForce, event.at) }),
    startRenewal: assign({ renewal: true }),
    recordInfoRequest: assign({
      infoRequest: ({ event }) => ({ at: event.at, onNoAnswer: event.type === 'REQUEST_INFO' ? (event.onNoAnswer ?? 'review') : 'review' }),
    }),
    suspend: assign(({ context, event }) => {
      if (event.type !== 'SUSPEND') return {};
      const suspension: Suspension = {
        side: sideOf(event.actor, context),
        by: event.actor.id,
        from: event.at,
        reason: event.reason,
        ...(event.regulations === undefined ? {} : { regulations: event.regulations }),
      };
      const suspensions = [...context.suspensions, suspension];
      return { suspensions, suspendedBy: suspendedBy({ ...context, suspensions }) };
    }),
    lift: assign(({ context, event }) => {
      const mine = sideOf(event.actor, context);
      const suspensions = context.suspensions.map((s) =>
        s.to === undefined && mine !== null && liftableBy(s, mine) ? { ...s, to: event.at, liftedBy: event.actor.id } : s,
      );
      return { suspensions, suspendedBy: suspendedBy({ ...context, suspensions }) };
    }),
    openContest: assign({
      contest: ({ event }) =>
        event.type === 'CONTEST'
          ? { since: event.at, by: event.actor.id, reasons: event.reasons, answerBy: event.answerBy!, positionBy: event.positionBy!, answers: [] }
          : undefined,
    }),
    recordAnswer: assign({
      contest: ({ context, event }) =>
        context.contest && event.type === 'ANSWER_CONTEST'
          ? { ...context.contest, answers: [...context.contest.answers, { by: event.actor.id, role: event.actor.role, at: event.at, response: event.response }] }
          : context.contest,
    }),
    recordPosition: assign({
      contest: ({ context }, params: { position: 'confirmed' | 'opposed' | 'unanswered' }) =>
        context.contest ? { ...context.contest, position: params.position } : undefined,
    }),
    endContest: assign({
      contest: ({ context, event }, params: { outcome: 'closed' | 'suspended' | 'withdrawn' }) =>
        context.contest && context.contest.outcome === undefined ? { ...context.contest, outcome: params.outcome, endedAt: event.at } : context.contest,
    }),
    narrow: assign((args) => {
      const removed = removedHere(args);
      const { context, event } = args;
      return {
        scope: context.scope.filter((r) => !removed.includes(r)),
        scopeRemovals: [...context.scopeRemovals, { at: event.at, economy: context.importingEconomy, removed }],
      };
    }),
  },
}).createMachine({
  id: 'recognition',
  context: ({ input }) => ({ ...input, inForce: [], renewal: false, suspensions: [], suspendedBy: {}, scopeRemovals: [] }),
  initial: 'pending',
  states: {
    pending: {
      on: {
        REQUEST_INFO: { target: 'info_requested', actions: 'recordInfoRequest' },
        RECOGNIZE: { target: 'recognized', actions: 'list' },
        OBJECT: { target: 'objected', actions: 'endForce' },
        REVIEW_OVERDUE: {},
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn', actions: 'endForce' },
        ACCREDITATION_LAPSED: { guard: and(['isRenewal', 'itsOwnAccreditation']), target: 'lapsed', actions: 'endForce' },
        SCOPE_NARROWED: [
          { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
          { guard: 'narrowsScope', actions: 'narrow' },
        ],
      },
    },
    info_requested: {
      on: {
        PROVIDE_INFO: 'pending',
        INFO_REMINDER: {},
        INFO_OVERDUE: [{ guard: 'closesOnNoAnswer', target: 'objected', actions: 'endForce' }, { target: 'pending' }],
        OBJECT: { target: 'objected', actions: 'endForce' },
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn', actions: 'endForce' },
        ACCREDITATION_LAPSED: { guard: and(['isRenewal', 'itsOwnAccreditation']), target: 'lapsed', actions: 'endForce' },
        SCOPE_NARROWED: [
          { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
          { guard: 'narrowsScope', actions: 'narrow' },
        ],
      },
    },
    recognized: {
      on: {
        SUSPEND: [
          { guard: 'isPartial', actions: 'suspend' },
          { target: 'suspended', actions: ['suspend', 'endForce'] },
        ],
        LIFT_SUSPENSION: { guard: 'sideHoldsSuspension', actions: 'lift' },
        CONTEST: { target: 'contested', actions: 'openContest' },
        WITHDRAW: { target: 'withdrawn', actions: 'endForce' },
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn', actions: 'endForce' },
        ACCREDITATION_LAPSED: { guard: 'itsOwnAccreditation', target: 'lapsed', actions: 'endForce' },
        LISTING_EXPIRED: { target: 'expired', actions: 'endForce' },
        LISTING_EXPIRY_REMINDER: {},
        RENEW: { target: 'pending', actions: 'startRenewal' },
        SCOPE_NARROWED: [
          { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
          { guard: 'narrowsScope', actions: 'narrow' },
        ],
      },
    },
    suspended: {
      on: {
        SUSPEND: { guard: 'sideMaySuspend', actions: 'suspend' },
        LIFT_SUSPENSION: [
          { guard: and(['sideHoldsSuspension', 'liftsTheLast', 'listingValid']), target: 'recognized', actions: ['lift', 'restoreForce'] },
          { guard: and(['sideHoldsSuspension', not('liftsTheLast')]), actions: 'lift' },
        ],
        DERECOGNIZE: { guard: 'suspendedAfterContest', target: 'withdrawn', actions: { type: 'endContest', params: { outcome: 'withdrawn' } } },
        WITHDRAW: 'withdrawn',
        AGREEMENT_TERMINATED: 'withdrawn',
        DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn' },
        LISTING_EXPIRED: 'expired',
        SCOPE_NARROWED: [{ guard: 'removesAll', target: 'withdrawn', actions: 'narrow' }, { guard: 'narrowsScope', actions: 'narrow' }],
      },
    },
    contested: {
      on: {
        ANSWER_CONTEST: { actions: 'recordAnswer' },
        CONFIRM_CONTEST: { guard: 'awaitsPosition', actions: { type: 'recordPosition', params: { position: 'confirmed' } } },
        OPPOSE_CONTEST: { guard: 'awaitsPosition', target: 'verification', actions: { type: 'recordPosition', params: { position: 'opposed' } } },
        CONTEST_POSITION_DUE: { guard: 'awaitsPosition', actions: { type: 'recordPosition', params: { position: 'unanswered' } } },
        ...contestDecisions(),
      },
    },
    verification: {
      on: { ANSWER_CONTEST: { actions: 'recordAnswer' }, ...contestDecisions() },
    },
    lapsed: {
      on: {
        ACCREDITATION_RESTORED: [
          { guard: and(['itsOwnAccreditation', 'listingValid']), target: 'recognized', actions: 'restoreForce' },
          { guard: 'itsOwnAccreditation', target: 'expired' },
        ],
        WITHDRAW: 'withdrawn',
        AGREEMENT_TERMINATED: 'withdrawn',
        DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn' },
        LISTING_EXPIRED: 'expired',
        SCOPE_NARROWED: [{ guard: 'removesAll', target: 'withdrawn', actions: 'narrow' }, { guard: 'narrowsScope', actions: 'narrow' }],
      },
    },
    objected: { type: 'final' },
    withdrawn: { type: 'final' },
    expired: { type: 'final' },
  },
});

/** What a contested recognition (or one under joint verification) takes: the regulator's decisions, and what ends any recognition. */
function contestDecisions() {
  return {
    CLOSE_CONTEST: { target: 'recognized', actions: { type: 'endContest', params: { outcome: 'closed' } } },
    SUSPEND: [
      // The designating authority keeps its own power to suspend its designation; the contest stays open.
      { guard: and([not('isPartial'), 'senderIsDesignating']), target: 'suspended', actions: ['suspend', 'endForce'] },
      {
        guard: and([not('isPartial'), 'contestDecidable']),
        target: 'suspended',
        actions: ['suspend', 'endForce', { type: 'endContest', params: { outcome: 'suspended' } }],
      },
    ],
    LIFT_SUSPENSION: { guard: 'sideHoldsSuspension', actions: 'lift' },
    DERECOGNIZE: { guard: 'contestDecidable', target: 'withdrawn', actions: ['endForce', { type: 'endContest', params: { outcome: 'withdrawn' } }] },
    WITHDRAW: { target: 'withdrawn', actions: 'endForce' },
    AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
    DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn', actions: 'endForce' },
    ACCREDITATION_LAPSED: { target: 'lapsed', actions: 'endForce' },
    LISTING_EXPIRED: { target: 'expired', actions: 'endForce' },
    SCOPE_NARROWED: [
      { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
      { guard: 'narrowsScope', actions: 'narrow' },
    ],
  } as const;
}

export const recognitionWorkflow = defineWorkflow({
  kind: 'recognitions',
  noun: 'recognition',
  machine: recognitionMachine,
  version: 2,
  migrations: recognitionMigrations,
  create: DESIGNATING_AUTHORITY,
  events: {
    REQUEST_INFO: IMPORTING_REGULATOR,
    PROVIDE_INFO: [...DESIGNATING_AUTHORITY, { role: 'lab', cab: 'cabId' }],
    RECOGNIZE: IMPORTING_REGULATOR,
    OBJECT: IMPORTING_REGULATOR,
    SUSPEND: EITHER_AUTHORITY,
    LIFT_SUSPENSION: THE_SUSPENDING_SIDE,
    CONTEST: IMPORTING_REGULATOR,
    ANSWER_CONTEST: [...DESIGNATING_AUTHORITY, { role: 'lab', cab: 'cabId' }],
    CONFIRM_CONTEST: DESIGNATING_AUTHORITY,
    OPPOSE_CONTEST: DESIGNATING_AUTHORITY,
    CLOSE_CONTEST: IMPORTING_REGULATOR,
    WITHDRAW: DESIGNATING_AUTHORITY,
    DERECOGNIZE: IMPORTING_REGULATOR,
    RENEW: DESIGNATING_AUTHORITY,
    REVIEW_OVERDUE: [{ role: 'system' }],
    INFO_REMINDER: [{ role: 'system' }],
    INFO_OVERDUE: [{ role: 'system' }],
    CONTEST_POSITION_DUE: [{ role: 'system' }],
    LISTING_EXPIRY_REMINDER: [{ role: 'system' }],
    LISTING_EXPIRED: [{ role: 'system' }],
    AGREEMENT_TERMINATED: [{ role: 'system' }],
    DESIGNATION_ENDED: [{ role: 'system' }],
    ACCREDITATION_LAPSED: [{ role: 'system' }],
    ACCREDITATION_RESTORED: [{ role: 'system' }],
    SCOPE_NARROWED: [{ role: 'system' }],
  },
  parties: [
    { cab: 'cabId' },
    { principals: { role: 'regulator', economy: 'importingEconomy' } },
    { principals: { role: 'designating_authority', economy: 'exportingEconomy' } },
  ],
  search: {
    agreementId: 'agreementId',
    cabId: 'cabId',
    importingEconomy: 'importingEconomy',
    exportingEconomy: 'exportingEconomy',
    designationNumber: 'designationNumber',
    /** The parties of the rule of LIFT_SUSPENSION, so that "my work" finds them by index. */
    suspendedByImporting: 'suspendedBy.importing',
    suspendedByDesignating: 'suspendedBy.designating',
    /** The importing and the exporting economy, for a filter by either. */
    economy: { anyOf: ['importingEconomy', 'exportingEconomy'] },
  },
  text: { designationNumber: 'designationNumber' },
  unique: [['designationNumber']],
  deadlines: {
    pending: [{ event: 'REVIEW_OVERDUE', after: 'review' }],
    info_requested: [
      { event: 'INFO_REMINDER', after: 'infoReminder' },
      { event: 'INFO_OVERDUE', after: 'infoAnswer' },
    ],
    recognized: [
      { event: 'LISTING_EXPIRY_REMINDER', at: 'validUntil', before: 'listingReminder' },
      { event: 'LISTING_EXPIRED', at: 'validUntil' },
    ],
    suspended: [{ event: 'LISTING_EXPIRED', at: 'validUntil' }],
    contested: [
      { event: 'CONTEST_POSITION_DUE', at: 'contest.positionBy' },
      { event: 'LISTING_EXPIRED', at: 'validUntil' },
    ],
    verification: [{ event: 'LISTING_EXPIRED', at: 'validUntil' }],
    lapsed: [{ event: 'LISTING_EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // NIST processes a complete Phase I application in up to 90 days (docs/domain.md, "Default durations").
    review: { default: '90 days', meaning: 'how long a pending application waits before the parties are reminded (REVIEW_OVERDUE)' },
    // Our default: a listing lasts 3 years unless the regulator gives its own end date.
    listingValidity: { default: '3 years', meaning: 'how long a recognition is listed when the regulator gives no end date' },
    listingReminder: { default: '90 days', meaning: 'how long before a listing ends the parties are reminded (LISTING_EXPIRY_REMINDER)' },
    // Our defaults: no text we could read sets a period to answer a request for information.
    infoReminder: { default: '30 days', meaning: 'how long after a request for information the designating authority and the CAB are reminded (INFO_REMINDER)' },
    infoAnswer: { default: '60 days', meaning: 'how long the designating authority and the CAB have to answer a request for information (INFO_OVERDUE)' },
    // 21 CFR 26.67(a)(2): the CAB has at least 30 days to respond to a contest of its competence.
    contestAnswer: { default: '30 days', meaning: 'the shortest time a contested CAB and its designating authority have to answer before the regulator may suspend or withdraw' },
    // 21 CFR 26.67(a)(3): the other Party confirms or opposes the contest within 60 days.
    contestPosition: { default: '60 days', meaning: 'how long the designating authority has to confirm or oppose a contest (CONTEST_POSITION_DUE)' },
  },
  cascades: [
    {
      name: 'recognition-ended',
      onEnter: ['withdrawn', 'lapsed', 'expired'],
      target: 'test-reports',
      where: { cabId: 'cabId', importingEconomy: 'importingEconomy' },
      inStates: ['under_review', 'info_requested', 'on_hold'],
      event: 'LAB_RECOGNITION_ENDED',
      payload: ({ id, state, data }) => ({ recognitionId: id, recognitionState: state, scope: data['scope'] }),
    },
    {
      // A certificate is judged on the day it was issued: one in force stays in force; one the
      // importing economy has not yet let stand (review window), or one suspended that the body
      // could no longer restore, ends with the recognition (docs/domain.md, "Certificate").
      name: 'certification-body-recognition-ended',
      onEnter: ['withdrawn', 'lapsed', 'expired'],
      target: 'certificates',
      where: { cabId: 'cabId', importingEconomy: 'importingEconomy' },
      inStates: ['review_window', 'suspended'],
      event: 'BODY_RECOGNITION_ENDED',
      payload: ({ id, state, data }) => ({ recognitionId: id, recognitionState: state, scope: data['scope'] }),
    },
    {
      name: 'recognition-suspended',
      onEnter: ['suspended'],
      target: 'test-reports',
      where: { cabId: 'cabId', importingEconomy: 'importingEconomy' },
      inStates: ['under_review', 'info_requested'],
      event: 'RECOGNITION_SUSPENDED',
      payload: ({ id, data }) => ({ recognitionId: id, scope: data['scope'] }),
    },
    {
      name: 'recognition-back-in-force',
      onEnter: ['recognized'],
      from: ['suspended'],
      target: 'test-reports',
      where: { cabId: 'cabId', importingEconomy: 'importingEconomy' },
      inStates: ['on_hold'],
      event: 'RECOGNITION_RESUMED',
      payload: ({ id }) => ({ recognitionId: id }),
    },
    {
      name: 'recognition-scope-narrowed',
      onEvent: ['SCOPE_NARROWED'],
      target: 'test-reports',
      where: { cabId: 'cabId', importingEconomy: 'importingEconomy' },
      inStates: ['under_review', 'info_requested', 'on_hold'],
      event: 'RECOGNITION_SCOPE_NARROWED',
      payload: ({ id, data }) => ({
        recognitionId: id,
        removed: (data['scopeRemovals'] as RecognitionData['scopeRemovals']).at(-1)?.removed ?? [],
      }),
    },
  ],
});
