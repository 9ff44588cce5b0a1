/**
 * A CAB's accreditation by an accreditation body (docs/domain.md, "Accreditation").
 *
 * active --RENEWAL_DUE (deadline, 90 days before expiry)--> renewal_due
 * active | renewal_due --RENEWAL_SUBMITTED (CAB)--> renewal_submitted --RENEW (body)--> active
 * active | renewal_due | renewal_submitted | suspended --EXPIRED (deadline at valid-until)--> lapsed
 * active | renewal_due | renewal_submitted --SUSPEND--> suspended --REINSTATE--> active
 * lapsed --REACCREDIT (body, a new cycle)--> active
 * any live state --WITHDRAW--> withdrawn
 * Lapse, suspension and withdrawal reach the CAB's recognitions by cascade; reinstatement and
 * re-accreditation restore the recognitions that lapsed with it (while their listing is valid).
 */
import { assign, setup } from 'xstate';
import type { AccreditationEventBody, CreateAccreditation } from './schemas.js';
import { compareInstants, defineWorkflow, type EventMeta, type Period, type Rule } from '../types.js';

export type AccreditationInput = CreateAccreditation & {
  /** The principal of the accreditation body that granted it. */
  accreditationBodyId: string;
  /** The CAB's economy. */
  economy: string;
};

export interface Interruption extends Period {
  state: 'suspended' | 'lapsed' | 'withdrawn';
}

export type AccreditationData = AccreditationInput & {
  /** Spans in which the accreditation did not hold although within its validity. */
  interruptions: Interruption[];
};

export type AccreditationEvent = AccreditationEventBody & EventMeta;

/** Whether the accreditation held at an instant: within its validity and not interrupted. */
export function accreditationActiveOn(data: AccreditationData, at: string): boolean {
  const interrupted = data.interruptions.some((i) => compareInstants(i.from, at) <= 0 && (i.to === undefined || compareInstants(at, i.to) < 0));
  return compareInstants(data.validFrom, at) <= 0 && compareInstants(at, data.validUntil) < 0 && !interrupted;
}

/** Whether the accreditation covers every one of the regulations. */
export function accreditationCovers(data: AccreditationData, regulations: readonly string[]): boolean {
  return regulations.every((r) => data.scope.includes(r));
}

const THE_BODY: readonly Rule[] = [{ role: 'accreditation_body', principal: 'accreditationBodyId' }];

export const accreditationMachine = setup({
  types: {
    context: {} as AccreditationData,
    events: {} as AccreditationEvent,
    input: {} as AccreditationInput,
  },
  guards: {
    /** The validity has not run out. */
    stillValid: ({ context, event }) => compareInstants(context.validUntil, event.at) > 0,
  },
  actions: {
    interrupt: assign({
      interruptions: ({ context, event }, params: { state: Interruption['state'] }) => [
        ...context.interruptions,
        { state: params.state, from: event.at },
      ],
    }),
    endInterruption: assign({
      interruptions: ({ context, event }) =>
        context.interruptions.map((i) => (i.to === undefined ? { ...i, to: event.at } : i)),
    }),
    recordRenewal: assign(({ context, event }) =>
      event.type === 'RENEW' || event.type === 'REACCREDIT'
        ? {
            validUntil: event.validUntil,
            certificateNumber: event.certificateNumber ?? context.certificateNumber,
            scope: event.scope ?? context.scope,
          }
        : {},
    ),
  },
}).createMachine({
  id: 'accreditation',
  context: ({ input }) => ({ ...input, interruptions: [] }),
  initial: 'active',
  states: {
    active: {
      on: {
        RENEWAL_DUE: 'renewal_due',
        RENEWAL_SUBMITTED: 'renewal_submitted',
        EXPIRED: { target: 'lapsed', actions: { type: 'interrupt', params: { state: 'lapsed' } } },
        SUSPEND: { target: 'suspended', actions: { type: 'interrupt', params: { state: 'suspended' } } },
        WITHDRAW: { target: 'withdrawn', actions: { type: 'interrupt', params: { state: 'withdrawn' } } },
      },
    },
    renewal_due: {
      on: {
        RENEWAL_SUBMITTED: 'renewal_submitted',
        EXPIRED: { target: 'lapsed', actions: { type: 'interrupt', params: { state: 'lapsed' } } },
        SUSPEND: { target: 'suspended', actions: { type: 'interrupt', params: { state: 'suspended' } } },
        WITHDRAW: { target: 'withdrawn', actions: { type: 'interrupt', params: { state: 'withdrawn' } } },
      },
    },
    renewal_submitted: {
      on: {
        RENEW: { target: 'active', actions: 'recordRenewal' },
        EXPIRED: { target: 'lapsed', actions: { type: 'interrupt', params: { state: 'lapsed' } } },
        SUSPEND: { target: 'suspended', actions: { type: 'interrupt', params: { state: 'suspended' } } },
        WITHDRAW: { target: 'withdrawn', actions: { type: 'interrupt', params: { state: 'withdrawn' } } },
      },
    },
    suspended: {
      on: {
        REINSTATE: { guard: 'stillValid', target: 'active', actions: 'endInterruption' },
        EXPIRED: {
          target: 'lapsed',
          actions: ['endInterruption', { type: 'interrupt', params: { state: 'lapsed' } }],
        },
        WITHDRAW: {
          target: 'withdrawn',
          actions: ['endInterruption', { type: 'interrupt', params: { state: 'withdrawn' } }],
        },
      },
    },
    lapsed: {
      on: {
        // A new cycle: validFrom stays the first cycle's, so the gap is the lapse's interruption, closed now.
        REACCREDIT: { target: 'active', actions: ['endInterruption', 'recordRenewal'] },
      },
    },
    withdrawn: { type: 'final' },
  },
});

export const accreditationWorkflow = defineWorkflow({
  kind: 'accreditations',
  noun: 'accreditation',
  machine: accreditationMachine,
  version: 2,
  migrations: {
    /** Version 2 lets a lapsed accreditation be re-accredited; the stored data is unchanged. */
    1: ({ state, context }) => ({ state, context }),
  },
  create: [{ role: 'accreditation_body' }],
  events: {
    RENEWAL_DUE: [{ role: 'system' }],
    RENEWAL_SUBMITTED: [{ role: 'lab', cab: 'cabId' }],
    RENEW: THE_BODY,
    EXPIRED: [{ role: 'system' }],
    SUSPEND: THE_BODY,
    REINSTATE: THE_BODY,
    REACCREDIT: THE_BODY,
    WITHDRAW: THE_BODY,
  },
  parties: [
    { cab: 'cabId' },
    { principal: 'accreditationBodyId' },
    { principals: { role: 'designating_authority', economy: 'economy' } },
  ],
  search: {
    cabId: 'cabId',
    accreditationBodyId: 'accreditationBodyId',
    certificateNumber: 'certificateNumber',
    economy: 'economy',
    standard: 'standard',
  },
  text: { certificateNumber: 'certificateNumber', standard: 'standard' },
  unique: [['accreditationBodyId', 'certificateNumber']],
  deadlines: {
    active: [
      { event: 'RENEWAL_DUE', at: 'validUntil', before: 'renewalReminder' },
      { event: 'EXPIRED', at: 'validUntil' },
    ],
    renewal_due: [{ event: 'EXPIRED', at: 'validUntil' }],
    renewal_submitted: [{ event: 'EXPIRED', at: 'validUntil' }],
    suspended: [{ event: 'EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // Our default: renewal is due 90 days before expiry (NVLAP gives at least 30 days' notice).
    renewalReminder: { default: '90 days', meaning: 'how long before its validity ends an accreditation becomes renewal_due' },
  },
  cascades: [
    {
      name: 'accreditation-lost',
      onEnter: ['lapsed', 'suspended', 'withdrawn'],
      target: 'recognitions',
      where: { cabId: 'cabId' },
      inStates: ['recognized', 'suspended', 'contested', 'verification'],
      event: 'ACCREDITATION_LAPSED',
      payload: ({ id, state }) => ({ accreditationId: id, accreditationState: state }),
    },
    {
      name: 'accreditation-restored',
      onEnter: ['active'],
      from: ['suspended', 'lapsed'],
      target: 'recognitions',
      where: { cabId: 'cabId' },
      inStates: ['lapsed'],
      event: 'ACCREDITATION_RESTORED',
      payload: ({ id }) => ({ accreditationId: id }),
    },
  ],
});
