/**
 * A bilateral MRA between two economies (docs/domain.md, "Agreement").
 *
 * negotiating --SIGN (both sides)--> confidence_building (if a transition end is set) | operational
 * confidence_building --TRANSITION_ENDED--> operational
 * operational <--SUSPEND / RESUME--> suspended; AMEND_SCOPE keeps the state
 * any but terminated --TERMINATE--> terminated (its recognitions are withdrawn by cascade)
 */
import { and, assign, setup } from 'xstate';
import type { AgreementEventBody, CreateAgreement } from '../schemas/agreements.js';
import { compareInstants, defineWorkflow, type EventMeta } from './types.js';

export type AgreementInput = CreateAgreement;

export interface Signature {
  by: string;
  at: string;
}

export type AgreementData = AgreementInput & {
  /** Who signed for each economy, and when. Both signed means the agreement is concluded. */
  signatures: Record<string, Signature>;
};

export type AgreementEvent = AgreementEventBody & EventMeta;

const REGULATOR_OF_EITHER = [{ role: 'regulator', economy: 'economies' }] as const;

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
  },
  actions: {
    recordSignature: assign({
      signatures: ({ context, event }) => ({
        ...context.signatures,
        [event.actor.economy ?? event.actor.id]: { by: event.actor.id, at: event.at },
      }),
    }),
    recordScope: assign({
      scope: ({ context, event }) => (event.type === 'AMEND_SCOPE' ? event.scope : context.scope),
    }),
  },
}).createMachine({
  id: 'agreement',
  context: ({ input }) => ({ ...input, signatures: {} }),
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
        TERMINATE: 'terminated',
      },
    },
    operational: {
      on: {
        SUSPEND: 'suspended',
        AMEND_SCOPE: { actions: 'recordScope' },
        TERMINATE: 'terminated',
      },
    },
    suspended: {
      on: {
        RESUME: 'operational',
        AMEND_SCOPE: { actions: 'recordScope' },
        TERMINATE: 'terminated',
      },
    },
    terminated: { type: 'final' },
  },
});

export const agreementWorkflow = defineWorkflow({
  kind: 'agreements',
  noun: 'agreement',
  machine: agreementMachine,
  version: 2,
  migrations: {
    /**
     * Example migration, kept as the pattern to follow: version 1 called the operational state
     * `in_force`; version 2 uses the name docs/domain.md gives it. Nothing else changed.
     */
    1: ({ state, context }) => ({ state: state === 'in_force' ? 'operational' : state, context }),
  },
  create: REGULATOR_OF_EITHER,
  events: {
    SIGN: REGULATOR_OF_EITHER,
    TRANSITION_ENDED: [{ role: 'system' }],
    SUSPEND: REGULATOR_OF_EITHER,
    RESUME: REGULATOR_OF_EITHER,
    AMEND_SCOPE: REGULATOR_OF_EITHER,
    TERMINATE: REGULATOR_OF_EITHER,
  },
  parties: [
    { principals: { role: 'regulator', economy: 'economies' } },
    { principals: { role: 'designating_authority', economy: 'economies' } },
  ],
  search: { economy: 'economies', phase: 'phase' },
  unique: [],
  deadlines: {
    confidence_building: [{ event: 'TRANSITION_ENDED', at: 'transitionEndsAt' }],
  },
  durations: {},
  cascades: [
    {
      name: 'agreement-terminated',
      onEnter: ['terminated'],
      target: 'recognitions',
      where: { agreementId: '$id' },
      inStates: ['pending', 'info_requested', 'recognized', 'suspended', 'lapsed'],
      event: 'AGREEMENT_TERMINATED',
      payload: ({ id }) => ({ agreementId: id }),
    },
  ],
});
