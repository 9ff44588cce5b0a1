/**
 * One CAB recognised by one importing economy under one agreement (docs/domain.md, "Recognition").
 *
 * pending --REQUEST_INFO--> info_requested --PROVIDE_INFO--> pending
 * pending --RECOGNIZE--> recognized (designation number, listing validity) | --OBJECT--> objected
 * recognized <--SUSPEND / LIFT_SUSPENSION--> suspended
 * recognized | suspended | lapsed --WITHDRAW / DERECOGNIZE / AGREEMENT_TERMINATED--> withdrawn
 * recognized --ACCREDITATION_LAPSED--> lapsed --ACCREDITATION_RESTORED--> recognized (or expired)
 * recognized | suspended | lapsed --LISTING_EXPIRED--> expired
 * recognized --RENEW--> pending, the listing kept in force until the decision
 *
 * `inForce` records when the recognition held, so a test report can be judged on its test date.
 */
import { assign, setup } from 'xstate';
import type { CreateRecognition, RecognitionEventBody } from '../schemas/recognitions.js';
import { closePeriods, compareInstants, defineWorkflow, inAnyPeriod, openPeriod, type EventMeta, type Period, type Rule } from './types.js';

export type RecognitionInput = CreateRecognition & {
  /** The CAB's economy. */
  exportingEconomy: string;
};

export type RecognitionData = RecognitionInput & {
  designationNumber?: string;
  /** End of the current listing. */
  validUntil?: string;
  /** When the recognition was in force; the last period is open while it is. */
  inForce: Period[];
  /** A renewal is under review; the previous listing stays in force meanwhile. */
  renewal: boolean;
};

export type RecognitionEvent = RecognitionEventBody & EventMeta;

/** Whether the recognition was in force at an instant. */
export function recognitionInForceOn(data: RecognitionData, at: string): boolean {
  return inAnyPeriod(data.inForce, at);
}

const IMPORTING_REGULATOR: readonly Rule[] = [{ role: 'regulator', economy: 'importingEconomy' }];
const DESIGNATING_AUTHORITY: readonly Rule[] = [{ role: 'designating_authority', economy: 'exportingEconomy' }];
const EITHER_AUTHORITY: readonly Rule[] = [...IMPORTING_REGULATOR, ...DESIGNATING_AUTHORITY];

export const recognitionMachine = setup({
  types: {
    context: {} as RecognitionData,
    events: {} as RecognitionEvent,
    input: {} as RecognitionInput,
  },
  guards: {
    isRenewal: ({ context }) => context.renewal,
    listingValid: ({ context, event }) => context.validUntil !== undefined && compareInstants(context.validUntil, event.at) > 0,
  },
  actions: {
    /** The engine fills in the designation number and validity when the regulator leaves them out. */
    list: assign(({ context, event }) =>
      event.type === 'RECOGNIZE'
        ? {
            designationNumber: event.designationNumber,
            validUntil: event.validUntil,
            inForce: openPeriod(context.inForce, event.at),
            renewal: false,
          }
        : {},
    ),
    endForce: assign({
      inForce: ({ context, event }) => closePeriods(context.inForce, event.at),
      renewal: false,
    }),
    restoreForce: assign({ inForce: ({ context, event }) => openPeriod(context.inForce, event.at) }),
    startRenewal: assign({ renewal: true }),
  },
}).createMachine({
  id: 'recognition',
  context: ({ input }) => ({ ...input, inForce: [], renewal: false }),
  initial: 'pending',
  states: {
    pending: {
      on: {
        REQUEST_INFO: 'info_requested',
        RECOGNIZE: { target: 'recognized', actions: 'list' },
        OBJECT: { target: 'objected', actions: 'endForce' },
        REVIEW_OVERDUE: {},
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        ACCREDITATION_LAPSED: { guard: 'isRenewal', target: 'lapsed', actions: 'endForce' },
      },
    },
    info_requested: {
      on: {
        PROVIDE_INFO: 'pending',
        OBJECT: { target: 'objected', actions: 'endForce' },
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        ACCREDITATION_LAPSED: { guard: 'isRenewal', target: 'lapsed', actions: 'endForce' },
      },
    },
    recognized: {
      on: {
        SUSPEND: { target: 'suspended', actions: 'endForce' },
        WITHDRAW: { target: 'withdrawn', actions: 'endForce' },
        DERECOGNIZE: { target: 'withdrawn', actions: 'endForce' },
        AGREEMENT_TERMINATED: { target: 'withdrawn', actions: 'endForce' },
        ACCREDITATION_LAPSED: { target: 'lapsed', actions: 'endForce' },
        LISTING_EXPIRED: { target: 'expired', actions: 'endForce' },
        LISTING_EXPIRY_REMINDER: {},
        RENEW: { target: 'pending', actions: 'startRenewal' },
      },
    },
    suspended: {
      on: {
        LIFT_SUSPENSION: { guard: 'listingValid', target: 'recognized', actions: 'restoreForce' },
        WITHDRAW: 'withdrawn',
        DERECOGNIZE: 'withdrawn',
        AGREEMENT_TERMINATED: 'withdrawn',
        LISTING_EXPIRED: 'expired',
      },
    },
    lapsed: {
      on: {
        ACCREDITATION_RESTORED: [
          { guard: 'listingValid', target: 'recognized', actions: 'restoreForce' },
          { target: 'expired' },
        ],
        WITHDRAW: 'withdrawn',
        DERECOGNIZE: 'withdrawn',
        AGREEMENT_TERMINATED: 'withdrawn',
        LISTING_EXPIRED: 'expired',
      },
    },
    objected: { type: 'final' },
    withdrawn: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const recognitionWorkflow = defineWorkflow({
  kind: 'recognitions',
  noun: 'recognition',
  machine: recognitionMachine,
  version: 1,
  migrations: {},
  create: DESIGNATING_AUTHORITY,
  events: {
    REQUEST_INFO: IMPORTING_REGULATOR,
    PROVIDE_INFO: [...DESIGNATING_AUTHORITY, { role: 'lab', cab: 'cabId' }],
    RECOGNIZE: IMPORTING_REGULATOR,
    OBJECT: IMPORTING_REGULATOR,
    SUSPEND: EITHER_AUTHORITY,
    LIFT_SUSPENSION: EITHER_AUTHORITY,
    WITHDRAW: DESIGNATING_AUTHORITY,
    DERECOGNIZE: IMPORTING_REGULATOR,
    RENEW: DESIGNATING_AUTHORITY,
    REVIEW_OVERDUE: [{ role: 'system' }],
    LISTING_EXPIRY_REMINDER: [{ role: 'system' }],
    LISTING_EXPIRED: [{ role: 'system' }],
    AGREEMENT_TERMINATED: [{ role: 'system' }],
    ACCREDITATION_LAPSED: [{ role: 'system' }],
    ACCREDITATION_RESTORED: [{ role: 'system' }],
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
  },
  unique: [['designationNumber']],
  deadlines: {
    pending: [{ event: 'REVIEW_OVERDUE', after: 'review' }],
    recognized: [
      { event: 'LISTING_EXPIRY_REMINDER', at: 'validUntil', before: 'listingReminder' },
      { event: 'LISTING_EXPIRED', at: 'validUntil' },
    ],
    suspended: [{ event: 'LISTING_EXPIRED', at: 'validUntil' }],
    lapsed: [{ event: 'LISTING_EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // NIST processes a complete Phase I application in up to 90 days (docs/domain.md, "Default durations").
    review: { default: '90 days', meaning: 'how long a pending application waits before the parties are reminded (REVIEW_OVERDUE)' },
    // Our default: a listing lasts 3 years unless the regulator gives its own end date.
    listingValidity: { default: '3 years', meaning: 'how long a recognition is listed when the regulator gives no end date' },
    listingReminder: { default: '90 days', meaning: 'how long before a listing ends the parties are reminded (LISTING_EXPIRY_REMINDER)' },
  },
  cascades: [
    {
      name: 'recognition-ended',
      onEnter: ['withdrawn', 'lapsed', 'expired'],
      target: 'test-reports',
      where: { cabId: 'cabId', importingEconomy: 'importingEconomy' },
      inStates: ['under_review', 'info_requested'],
      event: 'LAB_RECOGNITION_ENDED',
      payload: ({ id, state, data }) => ({ recognitionId: id, recognitionState: state, scope: data['scope'] }),
    },
  ],
});
