/**
 * One CAB recognised by one importing economy under one agreement (DOMAIN.md, "recognition").
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
import { closePeriods, defineWorkflow, inAnyPeriod, openPeriod, type EventMeta, type Period, type Reason, type Rule } from './types.js';

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

/** What an application (or a decision on it) is judged on; gathered by the engine. */
export interface RecognitionFacts {
  agreement: { id: string; state: string; economies: string[]; phase: string; scope: Record<string, string[]> };
  cab: { id: string; economy: string; type: string };
  /** The CAB's accreditations with whether each is active now and covers the requested scope. */
  accreditations: Array<{ id: string; state: string; activeNow: boolean; coversScope: boolean }>;
  /** Other live recognitions of this CAB by this economy under this agreement. */
  existing: Array<{ id: string; state: string; scope: string[] }>;
}

/**
 * Why a CAB may not be designated (or recognised) as asked; empty when it may. DOMAIN.md:
 * only while the agreement is operational and the CAB's accreditation is active and covers the scope.
 */
export function applicationRefusals(input: RecognitionInput, facts: RecognitionFacts): Reason[] {
  const reasons: Reason[] = [];
  const { agreement, cab } = facts;
  if (agreement.state !== 'operational') {
    reasons.push({ code: 'AGREEMENT_NOT_OPERATIONAL', detail: `Agreement ${agreement.id} is ${agreement.state}.` });
  }
  const partner = agreement.economies.find((e) => e !== cab.economy);
  if (!agreement.economies.includes(cab.economy) || partner !== input.importingEconomy) {
    reasons.push({
      code: 'ECONOMY_NOT_IN_AGREEMENT',
      detail: `Agreement ${agreement.id} is between ${agreement.economies.join(' and ')}; the CAB is in ${cab.economy} and the importing economy is ${input.importingEconomy}.`,
    });
  }
  if (cab.type === 'certification_body' && agreement.phase !== 'II') {
    reasons.push({ code: 'PHASE_NOT_COVERED', detail: 'Certification bodies are recognised under Phase II agreements only.' });
  }
  const agreed = agreement.scope[input.importingEconomy] ?? [];
  const outside = input.scope.filter((r) => !agreed.includes(r));
  if (outside.length > 0) {
    reasons.push({ code: 'SCOPE_NOT_IN_AGREEMENT', detail: `Not covered by the agreement: ${outside.join(', ')}.` });
  }
  const active = facts.accreditations.filter((a) => a.activeNow);
  if (active.length === 0) {
    reasons.push({ code: 'ACCREDITATION_NOT_ACTIVE', detail: `CAB ${cab.id} holds no active accreditation.` });
  } else if (!active.some((a) => a.coversScope)) {
    reasons.push({ code: 'SCOPE_NOT_COVERED', detail: `No active accreditation of CAB ${cab.id} covers the whole scope.` });
  }
  return reasons;
}

/** A second live recognition for an overlapping scope would make the register ambiguous. */
export function duplicateRefusals(input: RecognitionInput, facts: RecognitionFacts): Reason[] {
  return facts.existing
    .filter((r) => r.scope.some((s) => input.scope.includes(s)))
    .map((r) => ({ code: 'RECOGNITION_EXISTS', detail: `Recognition ${r.id} (${r.state}) already covers part of this scope.` }));
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
    listingValid: ({ context, event }) => context.validUntil !== undefined && context.validUntil > event.at,
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
    // DOMAIN.md: NIST takes up to 90 days to process a complete application.
    review: { default: '90 days', meaning: 'how long a pending application waits before the parties are reminded (REVIEW_OVERDUE)' },
    // DOMAIN.md: a listing is valid for 3 years unless the regulator says otherwise.
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
