/**
 * An equivalence of technical requirements under the APEC TEL MRA-ETR (docs/domain.md,
 * "Equivalence"): a regulator proposes that a requirement of its economy, or a reference scheme
 * such as the IPv6 Ready Logo (our extension: the MRA-ETR covers mandatory technical requirements),
 * is equivalent (fully, or with listed differences) to a regulation of the partner economy; the
 * partner's regulator decides.
 *
 * proposed --ACCEPT--> in_force (or accepted, until its in-force date --IN_FORCE--> in_force)
 * proposed --REQUEST_CHANGES--> changes_requested --REVISE--> proposed
 * proposed | changes_requested --DECLINE--> declined; --ABANDON--> withdrawn
 * in_force --REQUIREMENT_REVISED--> under_review --CONFIRM--> in_force (with the new version)
 * accepted | in_force | under_review --GIVE_NOTICE--> withdrawing --NOTICE_EFFECTIVE--> withdrawn
 * withdrawing --WITHDRAW_NOTICE--> in_force (or accepted, before its in-force date)
 *
 * An equivalence reads one way: results against the proposer's requirement count for the
 * partner's regulation. `inForce` keeps the periods it held, so screening asks about a date.
 */
import { assign, setup } from 'xstate';
import type { CreateEquivalence, EquivalenceEventBody, Requirement } from './schemas.js';
import { closePeriods, compareInstants, defineWorkflow, inAnyPeriod, type EventMeta, type Period, type Rule } from '../types.js';

export type EquivalenceInput = CreateEquivalence & {
  /** The proposing regulator's economy. */
  proposingEconomy: string;
};

export type EquivalenceData = EquivalenceInput & {
  differences: NonNullable<CreateEquivalence['differences']>;
  /** The periods in which it was in force. */
  inForce: Period[];
  inForceFrom?: string;
  changeRequest?: { at: string; request: string };
  /** A new version of one side's requirement, waiting for the partner's confirmation. */
  revision?: { at: string; economy: string; requirement: Requirement };
  notice?: { at: string; economy: string; effectiveAt: string };
};

/** ACCEPT carries `inForceFrom` (the engine fills in now when the sender leaves it out). */
export type EquivalenceEvent = EquivalenceEventBody & EventMeta;

/** A requirement as people read it: the regulation id, or "scheme / document / version". */
export function requirementLabel(requirement: Requirement): string {
  if (requirement.regulation !== undefined) return requirement.regulation;
  const s = requirement.scheme!;
  return `${s.scheme} / ${s.document} / ${s.version}`;
}

/** Whether the equivalence was in force at an instant. */
export function equivalenceInForceOn(data: Pick<EquivalenceData, 'inForce'>, at: string): boolean {
  return inAnyPeriod(data.inForce, at);
}

const PARTNER: readonly Rule[] = [{ role: 'regulator', economy: 'partnerEconomy' }];
const PROPOSER: readonly Rule[] = [{ role: 'regulator', economy: 'proposingEconomy' }];
const EITHER: readonly Rule[] = [...PROPOSER, ...PARTNER];

export const equivalenceMachine = setup({
  types: {
    context: {} as EquivalenceData,
    events: {} as EquivalenceEvent,
    input: {} as EquivalenceInput,
  },
  guards: {
    inForceAlready: ({ event }) => event.type === 'ACCEPT' && compareInstants(event.inForceFrom ?? event.at, event.at) <= 0,
    /** A withdrawn notice returns to in_force once the in-force date has come, to accepted before it. */
    inForceBy: ({ context, event }) => context.inForceFrom !== undefined && compareInstants(context.inForceFrom, event.at) <= 0,
  },
  actions: {
    recordAcceptance: assign(({ event }) => {
      if (event.type !== 'ACCEPT') return {};
      const from = event.inForceFrom ?? event.at;
      return { inForceFrom: from, inForce: [{ from }], changeRequest: undefined };
    }),
    recordChangeRequest: assign({ changeRequest: ({ event }) => (event.type === 'REQUEST_CHANGES' ? { at: event.at, request: event.request } : undefined) }),
    applyRevision: assign(({ context, event }) =>
      event.type === 'REVISE'
        ? { requirement: event.requirement ?? context.requirement, differences: event.differences ?? context.differences, changeRequest: undefined }
        : {},
    ),
    recordNewVersion: assign({
      revision: ({ event }) =>
        event.type === 'REQUIREMENT_REVISED' ? { at: event.at, economy: event.actor.economy ?? '', requirement: event.requirement } : undefined,
    }),
    /** The new version replaces the side it belongs to; the partner may restate the differences. */
    confirmNewVersion: assign(({ context, event }) => {
      if (event.type !== 'CONFIRM' || context.revision === undefined) return {};
      const onPartnerSide = context.revision.economy === context.partnerEconomy;
      return {
        ...(onPartnerSide ? { counterpart: context.revision.requirement.regulation! } : { requirement: context.revision.requirement }),
        differences: event.differences ?? context.differences,
        revision: undefined,
      };
    }),
    recordNotice: assign({
      notice: ({ event }) => (event.type === 'GIVE_NOTICE' ? { at: event.at, economy: event.actor.economy ?? '', effectiveAt: event.effectiveAt! } : undefined),
    }),
    clearNotice: assign({ notice: undefined }),
    closeInForce: assign({ inForce: ({ context, event }) => closePeriods(context.inForce, event.at) }),
  },
}).createMachine({
  id: 'equivalence',
  context: ({ input }) => ({ ...input, differences: input.differences ?? [], inForce: [] }),
  initial: 'proposed',
  states: {
    proposed: {
      on: {
        ACCEPT: [
          { guard: 'inForceAlready', target: 'in_force', actions: 'recordAcceptance' },
          { target: 'accepted', actions: 'recordAcceptance' },
        ],
        REQUEST_CHANGES: { target: 'changes_requested', actions: 'recordChangeRequest' },
        DECLINE: 'declined',
        ABANDON: 'withdrawn',
      },
    },
    changes_requested: {
      on: {
        REVISE: { target: 'proposed', actions: 'applyRevision' },
        DECLINE: 'declined',
        ABANDON: 'withdrawn',
      },
    },
    accepted: {
      on: {
        IN_FORCE: 'in_force',
        GIVE_NOTICE: { target: 'withdrawing', actions: 'recordNotice' },
      },
    },
    in_force: {
      on: {
        REQUIREMENT_REVISED: { target: 'under_review', actions: 'recordNewVersion' },
        GIVE_NOTICE: { target: 'withdrawing', actions: 'recordNotice' },
      },
    },
    under_review: {
      on: {
        CONFIRM: { target: 'in_force', actions: 'confirmNewVersion' },
        GIVE_NOTICE: { target: 'withdrawing', actions: 'recordNotice' },
      },
    },
    withdrawing: {
      on: {
        NOTICE_EFFECTIVE: { target: 'withdrawn', actions: 'closeInForce' },
        WITHDRAW_NOTICE: [
          { guard: 'inForceBy', target: 'in_force', actions: 'clearNotice' },
          { target: 'accepted', actions: 'clearNotice' },
        ],
      },
    },
    declined: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export const equivalenceWorkflow = defineWorkflow({
  kind: 'equivalences',
  noun: 'equivalence',
  machine: equivalenceMachine,
  version: 1,
  migrations: {},
  create: [{ role: 'regulator' }],
  events: {
    ACCEPT: PARTNER,
    REQUEST_CHANGES: PARTNER,
    REVISE: PROPOSER,
    DECLINE: PARTNER,
    ABANDON: PROPOSER,
    IN_FORCE: [{ role: 'system' }],
    REQUIREMENT_REVISED: EITHER,
    CONFIRM: PARTNER,
    GIVE_NOTICE: EITHER,
    NOTICE_EFFECTIVE: [{ role: 'system' }],
    // Either regulator by the table; the engine lets only the one that gave the notice withdraw it.
    WITHDRAW_NOTICE: EITHER,
  },
  parties: [
    { principals: { role: 'regulator', economy: 'proposingEconomy' } },
    { principals: { role: 'regulator', economy: 'partnerEconomy' } },
  ],
  search: {
    proposingEconomy: 'proposingEconomy',
    partnerEconomy: 'partnerEconomy',
    counterpart: 'counterpart',
    regulation: 'requirement.regulation',
    scheme: 'requirement.scheme.scheme',
    /** The proposing and the partner economy, for a filter by either. */
    economy: { anyOf: ['proposingEconomy', 'partnerEconomy'] },
  },
  text: { title: 'title', regulation: 'requirement.regulation', counterpart: 'counterpart', scheme: 'requirement.scheme.scheme' },
  unique: [],
  deadlines: {
    accepted: [{ event: 'IN_FORCE', at: 'inForceFrom' }],
    withdrawing: [{ event: 'NOTICE_EFFECTIVE', at: 'notice.effectiveAt' }],
  },
  durations: {
    // Our default: the MRA-ETR text we could read gives no notice period; we follow the agreements'
    // six months (21 CFR 26.80(c)) by analogy.
    noticePeriod: { default: '6 months', meaning: 'how long after a notice of withdrawal the equivalence ends when the notice gives no date', source: 'ours' },
  },
  cascades: [],
});
