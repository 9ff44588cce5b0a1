/**
 * One CAB recognised by one importing economy under one agreement (docs/domain.md, "Recognition").
 *
 * pending --REQUEST_INFO--> info_requested --PROVIDE_INFO / INFO_OVERDUE (review)--> pending
 * info_requested --INFO_OVERDUE (close)--> objected
 * pending --RECOGNIZE--> recognized (designation number, listing validity) | --OBJECT--> objected
 * recognized --SUSPEND (either side, each for itself)--> suspended --LIFT_SUSPENSION (the side
 *   that suspended; the last one)--> recognized (or back to the contest it interrupted);
 *   SUSPEND with `regulations` suspends those only
 * recognized --CONTEST (importing regulator)--> contested --OPPOSE_CONTEST--> verification
 * contested --CLOSE_CONTEST--> recognized | --SUSPEND / DERECOGNIZE (once the answer period of
 *   21 CFR 26.68(b) is over or the designating authority confirmed, 26.68(c))--> suspended | withdrawn
 * verification: the regulator may not suspend or withdraw (21 CFR 26.68(d)); one side records the
 *   joint verification's outcome (or the joint committee's decision), RECORD_VERIFICATION_OUTCOME,
 *   and the other agrees (AGREE_VERIFICATION_OUTCOME: maintained -> recognized, withdrawn ->
 *   withdrawn) or does not (DISAGREE_VERIFICATION_OUTCOME: still under verification); the
 *   regulator may drop its own contest (CLOSE_CONTEST)
 * the designating authority suspends or withdraws its own designation at any time (SUSPEND, WITHDRAW)
 * recognized | suspended | contested | verification | lapsed --WITHDRAW / AGREEMENT_TERMINATED--> withdrawn
 * live states --DESIGNATION_ENDED (its designation at home withdrawn or expired)--> withdrawn
 * recognized | suspended | contested | verification --ACCREDITATION_LAPSED--> lapsed, suspensions
 *   and contest kept --ACCREDITATION_RESTORED--> suspended (a whole suspension still open),
 *   verification or contested (the contest still open), recognized, or expired (the listing ended)
 * live states --SCOPE_NARROWED--> the scope narrowed (withdrawn when nothing is left)
 * live states --ACCREDITATION_SCOPE_REDUCED (its own accreditation)--> the same, for what the accreditation lost
 * recognized | suspended | contested | verification | lapsed --LISTING_EXPIRED--> expired, or
 *   pending (info_requested) when a renewal awaits its decision
 * ACCREDITATION_LAPSED / ACCREDITATION_RESTORED act only for the accreditation the recognition
 *   was granted on (`accreditationId`)
 * Renewal, beside the listing: RENEW (designating authority) in any state of a listing records
 *   `renewal`; the state does not change and the listing stays as it is until its `validUntil`.
 *   The regulator may ask for information on it (REQUEST_INFO / PROVIDE_INFO), and decides
 *   (recognized, suspended, contested): RECOGNIZE extends the listing, OBJECT refuses the renewal
 *   and the listing runs to its end. A listing that ends with its renewal undecided goes to pending.
 *
 * `inForce` records when the recognition held, so a test report can be judged on its test date;
 * `suspensions` who suspended what, since when; `contest` the procedure of 21 CFR 26.68.
 */
import { and, assign, not, setup } from 'xstate';
import type { CreateRecognition, RecognitionEventBody } from './schemas.js';
import {
  contestDecidable,
  liftableBy,
  openSuspensions,
  sideOf,
  suspendedBy,
  underJointVerification,
  wholeSuspensions,
  type Contest,
  type Suspension,
  type VerificationOutcome,
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

/** A request for information: when, what happens without an answer, and (on a renewal) its own deadlines. */
export interface InfoRequest {
  at: string;
  onNoAnswer: 'review' | 'close';
  /** On a renewal beside a listing: when the parties are reminded, and the deadline to answer (filled by the engine). */
  remindAt?: string;
  answerBy?: string;
}

/**
 * A renewal applied for, awaiting the regulator's decision, carried beside the listing: the
 * listing keeps its state and its end meanwhile.
 */
export interface Renewal {
  since: string;
  /** When the parties are reminded that no decision was taken (filled by the engine; REVIEW_OVERDUE). */
  reviewBy?: string;
  /** The regulator's open request for information on the renewal. */
  infoRequest?: InfoRequest;
}

export type RecognitionData = RecognitionInput & {
  designationNumber?: string;
  /** End of the current listing. */
  validUntil?: string;
  /** When the recognition was in force; the last period is open while it is. */
  inForce: Period[];
  /** A renewal awaiting the regulator's decision; absent when none is. */
  renewal?: Renewal;
  /** Renewals the regulator refused (OBJECT) or that closed without the information asked for. */
  renewalsRefused: Array<Renewal & { refusedAt: string; reason?: string }>;
  /** Every suspension, open or lifted, with the side that imposed it. */
  suspensions: Suspension[];
  /** The economy of each side holding an open suspension (what the LIFT_SUSPENSION rules bind to). */
  suspendedBy: { importing?: string; designating?: string };
  /** The contest of the CAB's competence, the current or the last one. */
  contest?: Contest;
  /** What happens if the information asked for (on a pending application) is not given in time. */
  infoRequest?: InfoRequest;
  /** Regulations taken out of the scope because their Party removed them from the agreement (or, with `accreditationId`, the accreditation lost them). */
  scopeRemovals: Array<{ at: string; economy: string; removed: string[]; accreditationId?: string }>;
};

/** RECOGNIZE carries, filled by the engine, the accreditation the recognition is granted on. */
export type RecognitionEvent = RecognitionEventBody &
  EventMeta & { accreditationId?: string; reviewBy?: string; remindAt?: string; answerBy?: string };

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
/** What of the scope the accreditation this recognition stands on no longer covers (ISO/IEC 17011 scope reduction). */
const lostWithAccreditation = ({ context, event }: Ctx) =>
  event.type === 'ACCREDITATION_SCOPE_REDUCED' && (context.accreditationId === undefined || context.accreditationId === event.accreditationId)
    ? context.scope.filter((r) => event.removed.includes(r))
    : [];
/** Every live state narrows the scope to what the accreditation still covers; withdrawn when nothing is left. */
const ACCREDITATION_SCOPE_REDUCED = [
  { guard: 'accreditationRemovesAll', target: 'withdrawn', actions: ['narrowWithAccreditation', 'endForce'] },
  { guard: 'accreditationNarrows', actions: 'narrowWithAccreditation' },
] as const;

export const recognitionMachine = setup({
  types: {
    context: {} as RecognitionData,
    events: {} as RecognitionEvent,
    input: {} as RecognitionInput,
  },
  guards: {
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
    /** A suspension of the whole recognition is open. */
    wholeSuspensionOpen: ({ context }) => wholeSuspensions(context).length > 0,
    senderIsDesignating: (args) => side(args) === 'designating',
    /** The sender's side holds an open suspension it may lift. */
    sideHoldsSuspension: (args) => {
      const mine = side(args);
      return mine !== null && openSuspensions(args.context).some((s) => liftableBy(s, mine));
    },
    contestDecidable: ({ context, event }) => contestDecidable(context.contest, event.at),
    /** A contest is open (not yet ended), whatever its position. */
    contestOpen: ({ context }) => context.contest !== undefined && context.contest.outcome === undefined,
    /** The designating authority opposed the contest and it has not ended: joint verification. */
    underVerification: ({ context }) => underJointVerification(context.contest),
    /** One side recorded the verification's outcome; it awaits the other side. */
    outcomeProposed: ({ context }) => context.contest?.proposedOutcome !== undefined,
    /** The sender speaks for the side that did not record the proposed outcome. */
    otherSideProposed: (args) => {
      const proposal = args.context.contest?.proposedOutcome;
      const mine = side(args);
      return proposal !== undefined && mine !== null && proposal.side !== mine;
    },
    proposesWithdrawal: ({ context }) => context.contest?.proposedOutcome?.outcome === 'withdrawn',
    /** The recognition was suspended at the end of a contest: the regulator may now withdraw it. */
    suspendedAfterContest: ({ context }) => context.contest?.outcome === 'suspended',
    awaitsPosition: ({ context }) => context.contest !== undefined && context.contest.position === undefined,
    closesOnNoAnswer: ({ context }) => context.infoRequest?.onNoAnswer === 'close',
    renewalPending: ({ context }) => context.renewal !== undefined,
    renewalAwaitsInfo: ({ context }) => context.renewal?.infoRequest !== undefined,
    renewalClosesOnNoAnswer: ({ context }) => context.renewal?.infoRequest?.onNoAnswer === 'close',
    narrowsScope: (args) => removedHere(args).length > 0,
    removesAll: (args) => removedHere(args).length === args.context.scope.length,
    accreditationNarrows: (args) => lostWithAccreditation(args).length > 0,
    accreditationRemovesAll: (args) => lostWithAccreditation(args).length === args.context.scope.length,
    /** The designation at home that ended is the one this recognition rests on. */
    itsOwnDesignation: ({ context, event }) => event.type === 'DESIGNATION_ENDED' && context.designationId === event.designationId,
    /** The accreditation that lapsed or was restored is the one this recognition stands on. */
    itsOwnAccreditation: ({ context, event }) => context.accreditationId === undefined || context.accreditationId === event.accreditationId,
  },
  actions: {
    /**
     * The engine fills in the designation number and validity when the regulator leaves them out.
     * A new period in force opens unless a whole suspension is still open.
     */
    list: assign(({ context, event }) =>
      event.type === 'RECOGNIZE'
        ? {
            designationNumber: event.designationNumber,
            validUntil: event.validUntil,
            accreditationId: event.accreditationId ?? context.accreditationId,
            inForce: wholeSuspensions(context).length > 0 ? context.inForce : openPeriod(context.inForce, event.at),
            renewal: undefined,
            infoRequest: undefined,
          }
        : {},
    ),
    /** A renewal granted while the listing is in its state: the listing extended, its period in force untouched. */
    extend: assign(({ context, event }) =>
      event.type === 'RECOGNIZE'
        ? {
            designationNumber: event.designationNumber,
            validUntil: event.validUntil,
            accreditationId: event.accreditationId ?? context.accreditationId,
            renewal: undefined,
          }
        : {},
    ),
    closeForce: assign({ inForce: ({ context, event }) => closePeriods(context.inForce, event.at) }),
    endForce: assign({ inForce: ({ context, event }) => closePeriods(context.inForce, event.at), renewal: undefined }),
    restoreForce: assign({ inForce: ({ context, event }) => openPeriod(context.inForce, event.at) }),
    startRenewal: assign({ renewal: ({ event }) => ({ since: event.at, ...(event.reviewBy === undefined ? {} : { reviewBy: event.reviewBy }) }) }),
    refuseRenewal: assign(({ context, event }) =>
      context.renewal
        ? {
            renewal: undefined,
            renewalsRefused: [
              ...context.renewalsRefused,
              { ...context.renewal, refusedAt: event.at, ...(event.type === 'OBJECT' ? { reason: event.reason } : {}) },
            ],
          }
        : {},
    ),
    requestRenewalInfo: assign({
      renewal: ({ context, event }) =>
        context.renewal && event.type === 'REQUEST_INFO'
          ? {
              ...context.renewal,
              infoRequest: {
                at: event.at,
                onNoAnswer: event.onNoAnswer ?? 'review',
                ...(event.remindAt === undefined ? {} : { remindAt: event.remindAt }),
                ...(event.answerBy === undefined ? {} : { answerBy: event.answerBy }),
              },
            }
          : context.renewal,
    }),
    /** The information on a renewal given (or its deadline passed with the review to go on). */
    closeRenewalInfo: assign({
      renewal: ({ context }) => (context.renewal ? { since: context.renewal.since, ...(context.renewal.reviewBy ? { reviewBy: context.renewal.reviewBy } : {}) } : undefined),
    }),
    /** The listing ended with a request on its renewal open: the request goes on the pending application. */
    carryRenewalInfoRequest: assign({ infoRequest: ({ context }) => context.renewal?.infoRequest }),
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
    proposeOutcome: assign({
      contest: ({ context, event }) => {
        const mine = sideOf(event.actor, context);
        if (!context.contest || event.type !== 'RECORD_VERIFICATION_OUTCOME' || mine === null) return context.contest;
        const proposal: VerificationOutcome = {
          outcome: event.outcome,
          basis: event.basis,
          reference: event.reference,
          summary: event.summary,
          side: mine,
          by: event.actor.id,
          at: event.at,
        };
        return { ...context.contest, proposedOutcome: proposal };
      },
    }),
    agreeOutcome: assign({
      contest: ({ context, event }) => {
        const contest = context.contest;
        if (!contest?.proposedOutcome) return contest;
        const { proposedOutcome, ...rest } = contest;
        return {
          ...rest,
          agreedOutcome: { ...proposedOutcome, agreedBy: event.actor.id, agreedAt: event.at },
          outcome: proposedOutcome.outcome === 'withdrawn' ? ('withdrawn' as const) : ('closed' as const),
          endedAt: event.at,
        };
      },
    }),
    disagreeOutcome: assign({
      contest: ({ context, event }) => {
        const contest = context.contest;
        if (!contest?.proposedOutcome || event.type !== 'DISAGREE_VERIFICATION_OUTCOME') return contest;
        const { proposedOutcome, ...rest } = contest;
        return {
          ...rest,
          disagreements: [...(contest.disagreements ?? []), { ...proposedOutcome, disagreedBy: event.actor.id, disagreedAt: event.at, reason: event.reason }],
        };
      },
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
    narrowWithAccreditation: assign((args) => {
      const removed = lostWithAccreditation(args);
      const { context, event } = args;
      const accreditationId = event.type === 'ACCREDITATION_SCOPE_REDUCED' ? event.accreditationId : undefined;
      return {
        scope: context.scope.filter((r) => !removed.includes(r)),
        scopeRemovals: [...context.scopeRemovals, { at: event.at, economy: context.importingEconomy, removed, ...(accreditationId ? { accreditationId } : {}) }],
      };
    }),
  },
}).createMachine({
  id: 'recognition',
  context: ({ input }) => ({ ...input, inForce: [], renewalsRefused: [], suspensions: [], suspendedBy: {}, scopeRemovals: [] }),
  initial: 'pending',
  states: {
    pending: {
      on: {
        REQUEST_INFO: { target: 'info_requested', actions: 'recordInfoRequest' },
        // A renewal whose listing ended while a whole suspension was open is renewed suspended.
        RECOGNIZE: [{ guard: 'wholeSuspensionOpen', target: 'suspended', actions: 'list' }, { target: 'recognized', actions: 'list' }],
        OBJECT: { target: 'objected', actions: 'endForce' },
        REVIEW_OVERDUE: {},
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn', actions: 'endForce' },
        SCOPE_NARROWED: [
          { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
          { guard: 'narrowsScope', actions: 'narrow' },
        ],
        ACCREDITATION_SCOPE_REDUCED,
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
        SCOPE_NARROWED: [
          { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
          { guard: 'narrowsScope', actions: 'narrow' },
        ],
        ACCREDITATION_SCOPE_REDUCED,
      },
    },
    recognized: {
      on: {
        ...listing(),
        ...renewalDecisions(),
        SUSPEND: [
          { guard: 'isPartial', actions: 'suspend' },
          { target: 'suspended', actions: ['suspend', 'closeForce'] },
        ],
        LIFT_SUSPENSION: { guard: 'sideHoldsSuspension', actions: 'lift' },
        CONTEST: { target: 'contested', actions: 'openContest' },
        ACCREDITATION_LAPSED: { guard: 'itsOwnAccreditation', target: 'lapsed', actions: 'closeForce' },
        LISTING_EXPIRY_REMINDER: {},
      },
    },
    suspended: {
      on: {
        ...listing(),
        ...renewalDecisions(),
        ...verificationOutcomes('suspended'),
        SUSPEND: { guard: 'sideMaySuspend', actions: 'suspend' },
        LIFT_SUSPENSION: [
          // Back to where the suspension found it: the contest it interrupted, or recognized.
          { guard: and(['sideHoldsSuspension', 'liftsTheLast', 'listingValid', 'underVerification']), target: 'verification', actions: ['lift', 'restoreForce'] },
          { guard: and(['sideHoldsSuspension', 'liftsTheLast', 'listingValid', 'contestOpen']), target: 'contested', actions: ['lift', 'restoreForce'] },
          { guard: and(['sideHoldsSuspension', 'liftsTheLast', 'listingValid']), target: 'recognized', actions: ['lift', 'restoreForce'] },
          { guard: and(['sideHoldsSuspension', not('liftsTheLast')]), actions: 'lift' },
        ],
        DERECOGNIZE: { guard: 'suspendedAfterContest', target: 'withdrawn', actions: ['endForce', { type: 'endContest', params: { outcome: 'withdrawn' } }] },
        ACCREDITATION_LAPSED: { guard: 'itsOwnAccreditation', target: 'lapsed' },
      },
    },
    contested: {
      on: {
        ...listing(),
        ...renewalDecisions(),
        ANSWER_CONTEST: { actions: 'recordAnswer' },
        CONFIRM_CONTEST: { guard: 'awaitsPosition', actions: { type: 'recordPosition', params: { position: 'confirmed' } } },
        OPPOSE_CONTEST: { guard: 'awaitsPosition', target: 'verification', actions: { type: 'recordPosition', params: { position: 'opposed' } } },
        CONTEST_POSITION_DUE: { guard: 'awaitsPosition', actions: { type: 'recordPosition', params: { position: 'unanswered' } } },
        CLOSE_CONTEST: { target: 'recognized', actions: { type: 'endContest', params: { outcome: 'closed' } } },
        SUSPEND: [
          // The designating authority keeps its own power to suspend its designation; the contest stays open.
          { guard: and([not('isPartial'), 'senderIsDesignating']), target: 'suspended', actions: ['suspend', 'closeForce'] },
          {
            guard: and([not('isPartial'), 'contestDecidable']),
            target: 'suspended',
            actions: ['suspend', 'closeForce', { type: 'endContest', params: { outcome: 'suspended' } }],
          },
        ],
        LIFT_SUSPENSION: { guard: 'sideHoldsSuspension', actions: 'lift' },
        DERECOGNIZE: { guard: 'contestDecidable', target: 'withdrawn', actions: ['endForce', { type: 'endContest', params: { outcome: 'withdrawn' } }] },
        ACCREDITATION_LAPSED: { guard: 'itsOwnAccreditation', target: 'lapsed', actions: 'closeForce' },
      },
    },
    // 21 CFR 26.68(d): the CAB "shall not at that time be withdrawn"; the regulator's SUSPEND and
    // DERECOGNIZE are not taken here (the rules say why, `refusals.ts`).
    verification: {
      on: {
        ...listing(),
        ...verificationOutcomes('recognized'),
        ANSWER_CONTEST: { actions: 'recordAnswer' },
        // The regulator may drop its own contest: nothing is taken from the CAB.
        CLOSE_CONTEST: { target: 'recognized', actions: { type: 'endContest', params: { outcome: 'closed' } } },
        // The designating authority keeps its own power to suspend its designation; the verification goes on.
        SUSPEND: { guard: and([not('isPartial'), 'senderIsDesignating']), target: 'suspended', actions: ['suspend', 'closeForce'] },
        LIFT_SUSPENSION: { guard: 'sideHoldsSuspension', actions: 'lift' },
        ACCREDITATION_LAPSED: { guard: 'itsOwnAccreditation', target: 'lapsed', actions: 'closeForce' },
      },
    },
    lapsed: {
      on: {
        ...listing(),
        ACCREDITATION_RESTORED: [
          { guard: and(['itsOwnAccreditation', 'listingValid', 'wholeSuspensionOpen']), target: 'suspended' },
          { guard: and(['itsOwnAccreditation', 'listingValid', 'underVerification']), target: 'verification', actions: 'restoreForce' },
          { guard: and(['itsOwnAccreditation', 'listingValid', 'contestOpen']), target: 'contested', actions: 'restoreForce' },
          { guard: and(['itsOwnAccreditation', 'listingValid']), target: 'recognized', actions: 'restoreForce' },
          { guard: 'itsOwnAccreditation', target: 'expired', actions: 'endForce' },
        ],
        LIFT_SUSPENSION: { guard: 'sideHoldsSuspension', actions: 'lift' },
      },
    },
    objected: { type: 'final' },
    withdrawn: { type: 'final' },
    expired: { type: 'final' },
  },
});

/**
 * What every state of a listing takes: a renewal applied for beside it and the requests for
 * information on it, the end of the listing, and what ends any recognition.
 */
function listing() {
  return {
    RENEW: { guard: not('renewalPending'), actions: 'startRenewal' },
    REQUEST_INFO: { guard: and(['renewalPending', not('renewalAwaitsInfo')]), actions: 'requestRenewalInfo' },
    PROVIDE_INFO: { guard: 'renewalAwaitsInfo', actions: 'closeRenewalInfo' },
    INFO_REMINDER: { guard: 'renewalAwaitsInfo' },
    INFO_OVERDUE: [
      { guard: and(['renewalAwaitsInfo', 'renewalClosesOnNoAnswer']), actions: 'refuseRenewal' },
      { guard: 'renewalAwaitsInfo', actions: 'closeRenewalInfo' },
    ],
    REVIEW_OVERDUE: { guard: 'renewalPending' },
    // No hole in time: a listing ends at its end, renewal pending or not; a pending renewal
    // then awaits its decision as an application.
    LISTING_EXPIRED: [
      { guard: 'renewalAwaitsInfo', target: 'info_requested', actions: ['closeForce', 'carryRenewalInfoRequest'] },
      { guard: 'renewalPending', target: 'pending', actions: 'closeForce' },
      { target: 'expired', actions: 'endForce' },
    ],
    WITHDRAW: { target: 'withdrawn', actions: 'endForce' },
    AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
    DESIGNATION_ENDED: { guard: 'itsOwnDesignation', target: 'withdrawn', actions: 'endForce' },
    SCOPE_NARROWED: [
      { guard: 'removesAll', target: 'withdrawn', actions: ['narrow', 'endForce'] },
      { guard: 'narrowsScope', actions: 'narrow' },
    ],
    ACCREDITATION_SCOPE_REDUCED,
  } as const;
}

/** The regulator's decision on a renewal beside the listing: extended, or refused with the listing running to its end. */
function renewalDecisions() {
  return {
    RECOGNIZE: { guard: 'renewalPending', actions: 'extend' },
    OBJECT: { guard: 'renewalPending', actions: 'refuseRenewal' },
  } as const;
}

/**
 * The joint verification's outcome (21 CFR 26.68(d)): recorded by one side, agreed by the other.
 * Maintained goes to `maintainedIn`; withdrawn ends the recognition.
 */
function verificationOutcomes(maintainedIn: 'recognized' | 'suspended') {
  const maintained = maintainedIn === 'recognized' ? { target: 'recognized' as const } : {};
  return {
    RECORD_VERIFICATION_OUTCOME: { guard: and(['underVerification', not('outcomeProposed')]), actions: 'proposeOutcome' },
    AGREE_VERIFICATION_OUTCOME: [
      { guard: and(['underVerification', 'otherSideProposed', 'proposesWithdrawal']), target: 'withdrawn', actions: ['agreeOutcome', 'endForce'] },
      { guard: and(['underVerification', 'otherSideProposed']), ...maintained, actions: 'agreeOutcome' },
    ],
    DISAGREE_VERIFICATION_OUTCOME: { guard: and(['underVerification', 'otherSideProposed']), actions: 'disagreeOutcome' },
  } as const;
}

/**
 * The deadlines of every state of a listing: its end, and those of a renewal beside it, anchored
 * on fields the engine fills in (they move when the field does, the state kept).
 */
const LISTING_DEADLINES = [
  { event: 'LISTING_EXPIRED', at: 'validUntil' },
  { event: 'REVIEW_OVERDUE', at: 'renewal.reviewBy' },
  { event: 'INFO_REMINDER', at: 'renewal.infoRequest.remindAt' },
  { event: 'INFO_OVERDUE', at: 'renewal.infoRequest.answerBy' },
] as const;

export const recognitionWorkflow = defineWorkflow({
  kind: 'recognitions',
  noun: 'recognition',
  machine: recognitionMachine,
  version: 3,
  migrations: recognitionMigrations,
  create: DESIGNATING_AUTHORITY,
  events: {
    REQUEST_INFO: IMPORTING_REGULATOR,
    // All exchanges with the importing regulator go through the designating authority; the CAB
    // is a party and hears of each one.
    PROVIDE_INFO: DESIGNATING_AUTHORITY,
    RECOGNIZE: IMPORTING_REGULATOR,
    OBJECT: IMPORTING_REGULATOR,
    SUSPEND: EITHER_AUTHORITY,
    LIFT_SUSPENSION: THE_SUSPENDING_SIDE,
    CONTEST: IMPORTING_REGULATOR,
    ANSWER_CONTEST: DESIGNATING_AUTHORITY,
    CONFIRM_CONTEST: DESIGNATING_AUTHORITY,
    OPPOSE_CONTEST: DESIGNATING_AUTHORITY,
    CLOSE_CONTEST: IMPORTING_REGULATOR,
    RECORD_VERIFICATION_OUTCOME: EITHER_AUTHORITY,
    AGREE_VERIFICATION_OUTCOME: EITHER_AUTHORITY,
    DISAGREE_VERIFICATION_OUTCOME: EITHER_AUTHORITY,
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
    ACCREDITATION_SCOPE_REDUCED: [{ role: 'system' }],
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
    recognized: [{ event: 'LISTING_EXPIRY_REMINDER', at: 'validUntil', before: 'listingReminder' }, ...LISTING_DEADLINES],
    suspended: LISTING_DEADLINES,
    contested: [{ event: 'CONTEST_POSITION_DUE', at: 'contest.positionBy' }, ...LISTING_DEADLINES],
    verification: LISTING_DEADLINES,
    lapsed: LISTING_DEADLINES,
  },
  durations: {
    // Our default, informed by NIST's "up to 90 days" for its whole designation process of a complete
    // application: no text gives the importing regulator's review time.
    review: { default: '90 days', meaning: 'how long a pending application waits before the parties are reminded (REVIEW_OVERDUE)', source: 'ours' },
    // Our default: a listing lasts 3 years unless the regulator gives its own end date.
    listingValidity: { default: '3 years', meaning: 'how long a recognition is listed when the regulator gives no end date', source: 'ours' },
    listingReminder: { default: '90 days', meaning: 'how long before a listing ends the parties are reminded (LISTING_EXPIRY_REMINDER)', source: 'ours' },
    // Our defaults: no text we could read sets a period to answer a request for information.
    infoReminder: { default: '30 days', meaning: 'how long after a request for information the designating authority and the CAB are reminded (INFO_REMINDER)', source: 'ours' },
    infoAnswer: { default: '60 days', meaning: 'how long the designating authority and the CAB have to answer a request for information (INFO_OVERDUE)', source: 'ours' },
    // 21 CFR 26.68(b): the CAB has at least 30 days from receipt to refute or correct a proposed withdrawal.
    contestAnswer: { default: '30 days', meaning: 'the shortest time a contested CAB, through its designating authority, has to answer before the regulator may suspend or withdraw', source: 'CFR-26.68' },
    // 21 CFR 26.68(c): the other Party confirms or opposes within 60 days of receiving the proposal.
    contestPosition: { default: '60 days', meaning: 'how long the designating authority has to confirm or oppose a contest (CONTEST_POSITION_DUE)', source: 'CFR-26.68' },
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
