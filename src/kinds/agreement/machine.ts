/**
 * A bilateral MRA between two economies (docs/domain.md, "Agreement").
 *
 * negotiating --SIGN (both sides)--> confidence_building (if a transition end is set) | operational
 * negotiating --TERMINATE--> terminated (negotiations broken off: nothing was in force)
 * confidence_building --TRANSITION_ENDED--> operational
 * operational --SUSPEND (either side, each for itself)--> suspended --RESUME (the side that
 *   suspended; the last one)--> operational
 * confidence_building | operational | suspended --GIVE_NOTICE--> terminating
 * terminating --NOTICE_EFFECTIVE (deadline at the effective date)--> terminated (its recognitions end by cascade)
 * terminating --WITHDRAW_NOTICE (the side that gave it)--> suspended | confidence_building | operational
 * `designationNumbers` says who assigns a CAB's designation number: its designating authority (in
 * the designation, 47 CFR 2.951(a)(5)) or the importing regulator (on recognition).
 * AMEND_SCOPE changes the sender's own economy's list only and keeps the state; a narrowing reaches
 * the recognitions under the agreement by cascade.
 */
import { and, assign, not, setup } from 'xstate';
import type { AgreementEventBody, CreateAgreement } from './schemas.js';
import { compareInstants, defineWorkflow, type EventMeta, type Period } from '../types.js';

export type AgreementInput = CreateAgreement;

export interface Signature {
  by: string;
  at: string;
}

/** A suspension by one Party; `economy` null marks one recorded before version 3 (either side may resume it). */
export interface AgreementSuspension extends Period {
  economy: string | null;
  by: string | null;
  reason: string;
  resumedBy?: string;
}

export interface Notice {
  economy: string;
  by: string;
  givenAt: string;
  effectiveAt: string;
  reason: string;
}

export interface ScopeChange {
  economy: string;
  by: string;
  at: string;
  added: string[];
  removed: string[];
}

export type AgreementData = AgreementInput & {
  /** Who signed for each economy, and when. Both signed means the agreement is concluded. */
  signatures: Record<string, Signature>;
  suspensions: AgreementSuspension[];
  /** Economies holding an open suspension: what the RESUME rule binds to. */
  suspendedBy: string[];
  /** The notice of termination in course, if any. */
  notice?: Notice;
  /** Notices given and withdrawn. */
  withdrawnNotices: Array<Notice & { withdrawnAt: string }>;
  scopeChanges: ScopeChange[];
};

export type AgreementEvent = AgreementEventBody & EventMeta;

/** Whether results are accepted under the agreement now: operational, or under notice and not suspended. */
export function agreementInForce(state: string, data: Pick<AgreementData, 'suspensions'>): boolean {
  return state === 'operational' || (state === 'terminating' && !data.suspensions.some((s) => s.to === undefined));
}

const REGULATOR_OF_EITHER = [{ role: 'regulator', economy: 'economies' }] as const;

const open = (context: AgreementData) => context.suspensions.filter((s) => s.to === undefined);
const holders = (suspensions: AgreementSuspension[], economies: string[]) =>
  economies.filter((e) => suspensions.some((s) => s.to === undefined && (s.economy === e || s.economy === null)));

export const agreementMachine = setup({
  types: {
    context: {} as AgreementData,
    events: {} as AgreementEvent,
    input: {} as AgreementInput,
  },
  guards: {
    /** The signer's economy is a party that has not signed yet. */
    isUnsignedParty: ({ context, event }) => {
      const economy = event.actor.economy;
      return economy !== undefined && context.economies.includes(economy) && !(economy in context.signatures);
    },
    /** This signature is the last one missing. */
    completesSignatures: ({ context, event }) =>
      context.economies.every((economy) => economy === event.actor.economy || economy in context.signatures),
    /** A confidence-building period is set and has not ended yet. */
    transitionPending: ({ context, event }) =>
      context.transitionEndsAt !== undefined && compareInstants(context.transitionEndsAt, event.at) > 0,
    /** The sender's economy has not suspended the agreement already. */
    mayStillSuspend: ({ context, event }) => !open(context).some((s) => s.economy === event.actor.economy),
    /** Resuming for the sender's economy leaves no suspension. */
    resumesTheLast: ({ context, event }) => open(context).every((s) => s.economy === event.actor.economy || s.economy === null),
    stillSuspended: ({ context }) => open(context).length > 0,
    /** The sender's economy holds a suspension (or one of unknown side, from before version 3). */
    holdsSuspension: ({ context, event }) => open(context).some((s) => s.economy === event.actor.economy || s.economy === null),
    gaveNotice: ({ context, event }) => context.notice !== undefined && context.notice.economy === event.actor.economy,
  },
  actions: {
    recordSignature: assign({
      signatures: ({ context, event }) => ({
        ...context.signatures,
        [event.actor.economy ?? event.actor.id]: { by: event.actor.id, at: event.at },
      }),
    }),
    suspend: assign(({ context, event }) => {
      if (event.type !== 'SUSPEND') return {};
      const suspensions = [...context.suspensions, { economy: event.actor.economy ?? null, by: event.actor.id, from: event.at, reason: event.reason }];
      return { suspensions, suspendedBy: holders(suspensions, context.economies) };
    }),
    resume: assign(({ context, event }) => {
      const suspensions = context.suspensions.map((s) =>
        s.to === undefined && (s.economy === event.actor.economy || s.economy === null) ? { ...s, to: event.at, resumedBy: event.actor.id } : s,
      );
      return { suspensions, suspendedBy: holders(suspensions, context.economies) };
    }),
    /** The sender's economy's own list, as notified; the engine checks the regulations are its own. */
    recordScope: assign(({ context, event }) => {
      if (event.type !== 'AMEND_SCOPE' || event.actor.economy === undefined) return {};
      const economy = event.actor.economy;
      const before = context.scope[economy] ?? [];
      const change: ScopeChange = {
        economy,
        by: event.actor.id,
        at: event.at,
        added: event.regulations.filter((r) => !before.includes(r)),
        removed: before.filter((r) => !event.regulations.includes(r)),
      };
      return { scope: { ...context.scope, [economy]: event.regulations }, scopeChanges: [...context.scopeChanges, change] };
    }),
    giveNotice: assign({
      notice: ({ event }) =>
        event.type === 'GIVE_NOTICE'
          ? { economy: event.actor.economy ?? '', by: event.actor.id, givenAt: event.at, effectiveAt: event.effectiveAt!, reason: event.reason }
          : undefined,
    }),
    withdrawNotice: assign(({ context, event }) => ({
      notice: undefined,
      withdrawnNotices: context.notice ? [...context.withdrawnNotices, { ...context.notice, withdrawnAt: event.at }] : context.withdrawnNotices,
    })),
  },
}).createMachine({
  id: 'agreement',
  context: ({ input }) => ({ ...input, signatures: {}, suspensions: [], suspendedBy: [], withdrawnNotices: [], scopeChanges: [] }),
  initial: 'negotiating',
  states: {
    negotiating: {
      on: {
        SIGN: [
          {
            guard: and(['isUnsignedParty', 'completesSignatures', 'transitionPending']),
            target: 'confidence_building',
            actions: 'recordSignature',
          },
          { guard: and(['isUnsignedParty', 'completesSignatures']), target: 'operational', actions: 'recordSignature' },
          { guard: 'isUnsignedParty', actions: 'recordSignature' },
        ],
        TERMINATE: 'terminated',
      },
    },
    confidence_building: {
      on: {
        TRANSITION_ENDED: 'operational',
        AMEND_SCOPE: { actions: 'recordScope' },
        GIVE_NOTICE: { target: 'terminating', actions: 'giveNotice' },
      },
    },
    operational: {
      on: {
        SUSPEND: { target: 'suspended', actions: 'suspend' },
        AMEND_SCOPE: { actions: 'recordScope' },
        GIVE_NOTICE: { target: 'terminating', actions: 'giveNotice' },
      },
    },
    suspended: {
      on: {
        SUSPEND: { guard: 'mayStillSuspend', actions: 'suspend' },
        RESUME: [
          { guard: and(['holdsSuspension', 'resumesTheLast']), target: 'operational', actions: 'resume' },
          { guard: 'holdsSuspension', actions: 'resume' },
        ],
        AMEND_SCOPE: { actions: 'recordScope' },
        GIVE_NOTICE: { target: 'terminating', actions: 'giveNotice' },
      },
    },
    terminating: {
      on: {
        NOTICE_EFFECTIVE: 'terminated',
        WITHDRAW_NOTICE: [
          { guard: and(['gaveNotice', 'stillSuspended']), target: 'suspended', actions: 'withdrawNotice' },
          { guard: and(['gaveNotice', not('stillSuspended'), 'transitionPending']), target: 'confidence_building', actions: 'withdrawNotice' },
          { guard: 'gaveNotice', target: 'operational', actions: 'withdrawNotice' },
        ],
        SUSPEND: { guard: 'mayStillSuspend', actions: 'suspend' },
        RESUME: { guard: 'holdsSuspension', actions: 'resume' },
        AMEND_SCOPE: { actions: 'recordScope' },
      },
    },
    terminated: { type: 'final' },
  },
});

export const agreementWorkflow = defineWorkflow({
  kind: 'agreements',
  noun: 'agreement',
  machine: agreementMachine,
  version: 4,
  migrations: {
    /**
     * Example migration, kept as the pattern to follow: version 1 called the operational state
     * `in_force`; version 2 uses the name docs/domain.md gives it. Nothing else changed.
     */
    1: ({ state, context }) => ({ state: state === 'in_force' ? 'operational' : state, context }),
    /**
     * Version 3 records which Party suspended, notices of termination and scope changes. Version 2
     * did not say who suspended: a suspended record gets one suspension of unknown side, dated
     * when the record was last written, that either regulator may resume (as version 2 allowed).
     */
    2: ({ state, context, updatedAt }) => {
      const suspended = state === 'suspended';
      return {
        state,
        context: {
          ...context,
          suspensions: suspended ? [{ economy: null, by: null, from: updatedAt, reason: 'Suspended before version 3 recorded which Party suspended it.' }] : [],
          suspendedBy: suspended ? context['economies'] : [],
          withdrawnNotices: [],
          scopeChanges: [],
        },
      };
    },
    /**
     * Version 4 says who assigns designation numbers (`designationNumbers`). Agreements of earlier
     * versions had the importing regulator assign them on recognition: they keep that.
     */
    3: ({ state, context }) => ({ state, context: { ...context, designationNumbers: context['designationNumbers'] ?? 'importing_regulator' } }),
  },
  create: REGULATOR_OF_EITHER,
  events: {
    SIGN: REGULATOR_OF_EITHER,
    TRANSITION_ENDED: [{ role: 'system' }],
    SUSPEND: REGULATOR_OF_EITHER,
    // Only the Party that suspended resumes.
    RESUME: [{ role: 'regulator', economy: 'suspendedBy' }],
    AMEND_SCOPE: REGULATOR_OF_EITHER,
    TERMINATE: REGULATOR_OF_EITHER,
    GIVE_NOTICE: REGULATOR_OF_EITHER,
    // Only the Party that gave notice withdraws it.
    WITHDRAW_NOTICE: [{ role: 'regulator', economy: 'notice.economy' }],
    NOTICE_EFFECTIVE: [{ role: 'system' }],
  },
  parties: [
    { principals: { role: 'regulator', economy: 'economies' } },
    { principals: { role: 'designating_authority', economy: 'economies' } },
  ],
  search: {
    economy: 'economies',
    phase: 'phase',
    /** The parties of the rules of RESUME and WITHDRAW_NOTICE, so that "my work" finds them by index. */
    suspendedBy: 'suspendedBy',
    noticeEconomy: 'notice.economy',
  },
  text: { title: 'title' },
  unique: [],
  deadlines: {
    confidence_building: [{ event: 'TRANSITION_ENDED', at: 'transitionEndsAt' }],
    terminating: [{ event: 'NOTICE_EFFECTIVE', at: 'notice.effectiveAt' }],
  },
  durations: {
    // 21 CFR 26.80(c): six months' notice in writing (the EU–US framework, our model where the APEC
    // text and the bilateral letters we could read give no period).
    noticePeriod: { default: '6 months', meaning: 'how long after a notice of termination the agreement ends when the notice gives no effective date', source: 'CFR-26.80' },
  },
  cascades: [
    {
      name: 'agreement-terminated',
      onEnter: ['terminated'],
      target: 'recognitions',
      where: { agreementId: '$id' },
      inStates: ['pending', 'info_requested', 'recognized', 'suspended', 'contested', 'verification', 'lapsed'],
      event: 'AGREEMENT_TERMINATED',
      payload: ({ id }) => ({ agreementId: id }),
    },
    {
      name: 'agreement-scope-narrowed',
      onEvent: ['AMEND_SCOPE'],
      target: 'recognitions',
      where: { agreementId: '$id' },
      inStates: ['pending', 'info_requested', 'recognized', 'suspended', 'contested', 'verification', 'lapsed'],
      event: 'SCOPE_NARROWED',
      payload: ({ id, data }) => {
        const change = (data['scopeChanges'] as ScopeChange[]).at(-1);
        return { agreementId: id, economy: change?.economy ?? '', removed: change?.removed ?? [] };
      },
    },
  ],
});
