/**
 * A CAB's designation at home by its own economy's designating authority (docs/domain.md,
 * "Designation"), before it may be put forward to an importing economy for recognition.
 * Viet Nam's Circular 12/2016/TT-BTTTT: the file is reviewed within 7 working days (a correction
 * may be asked), an assessing council assesses on site, then a decision with a validity; a
 * designated body is under surveillance.
 *
 * submitted --REVIEW_OVERDUE (deadline, file review)--> submitted (a reminder)
 * submitted --REQUEST_CORRECTION--> correction_requested --RESUBMIT (the CAB)--> submitted
 * submitted --ACCEPT_FILE--> assessing --RECORD_ASSESSMENT (on-site)--> assessing
 * assessing --DESIGNATE (once assessed on site; decision, validity, designation number)--> designated
 * submitted | correction_requested | assessing --REFUSE--> refused
 * designated --SURVEILLANCE_DUE (deadline, the surveillance interval)--> surveillance_due
 *   --RECORD_SURVEILLANCE--> designated (a new cycle); both in force
 * designated | surveillance_due --SUSPEND--> suspended --REINSTATE (while valid)--> designated
 * designated | surveillance_due | suspended --WITHDRAW--> withdrawn; --EXPIRED (deadline at validUntil)--> expired
 *
 * Only the designating authority of the CAB's economy decides; the importing regulator neither
 * reads nor acts on it (it is the exporting side's own procedure).
 */
import { assign, setup } from 'xstate';
import type { CreateDesignation, DesignationEventBody } from './schemas.js';
import { closePeriods, compareInstants, defineWorkflow, inAnyPeriod, openPeriod, type EventMeta, type Period, type Rule } from '../types.js';

/** The accreditation the application stands on, as it stood when the application was filed. */
export interface GroundingAccreditation {
  id: string;
  accreditationBodyId: string;
  standard: string;
  certificateNumber: string;
  validUntil: string;
}

export type DesignationInput = CreateDesignation & {
  /** The CAB's economy: its designating authority decides. */
  exportingEconomy: string;
  /** Copied from the accreditation named by `accreditationId` (47 CFR 2.951(a)(5), (7)). */
  accreditation: GroundingAccreditation;
};

export interface CorrectionRequest {
  by: string;
  at: string;
  request: string;
  answeredAt?: string;
  response?: string;
}

export interface Assessment {
  by: string;
  recordedAt: string;
  assessedAt: string;
  assessors: string[];
  findings: string;
}

export interface Surveillance {
  by: string;
  recordedAt: string;
  surveyedAt: string;
  findings: string;
}

export type DesignationData = DesignationInput & {
  corrections: CorrectionRequest[];
  /** The assessing council, once the file is accepted. */
  council?: string[];
  assessments: Assessment[];
  /** The designation decision: its number or reference, who took it, when. */
  decision?: { reference: string; by: string; at: string };
  designationNumber?: string;
  validUntil?: string;
  surveillance: Surveillance[];
  /** When the designation was in force; the last period is open while it is. */
  inForce: Period[];
  /** Why it was refused, suspended or withdrawn, the last time. */
  reason?: string;
};

export type DesignationEvent = DesignationEventBody & EventMeta;

/** The states in which a designation is in force: a CAB in them may be put forward. */
export const DESIGNATED_STATES = ['designated', 'surveillance_due'] as const;

/** Whether the designation was in force at an instant. */
export function designationInForceOn(data: Pick<DesignationData, 'inForce'>, at: string): boolean {
  return inAnyPeriod(data.inForce, at);
}

const THE_DESIGNATING_AUTHORITY: readonly Rule[] = [{ role: 'designating_authority', economy: 'exportingEconomy' }];
const THE_CAB: Rule = { role: 'lab', cab: 'cabId' };

export const designationMachine = setup({
  types: {
    context: {} as DesignationData,
    events: {} as DesignationEvent,
    input: {} as DesignationInput,
  },
  guards: {
    /** Circular 12/2016/TT-BTTTT: no decision before the on-site assessment. */
    assessedOnSite: ({ context }) => context.assessments.length > 0,
    stillValid: ({ context, event }) => context.validUntil !== undefined && compareInstants(context.validUntil, event.at) > 0,
  },
  actions: {
    askCorrection: assign({
      corrections: ({ context, event }) =>
        event.type === 'REQUEST_CORRECTION' ? [...context.corrections, { by: event.actor.id, at: event.at, request: event.request }] : context.corrections,
    }),
    recordCorrection: assign({
      corrections: ({ context, event }) =>
        event.type === 'RESUBMIT'
          ? context.corrections.map((c) => (c.answeredAt === undefined ? { ...c, answeredAt: event.at, response: event.response } : c))
          : context.corrections,
    }),
    acceptFile: assign({ council: ({ context, event }) => (event.type === 'ACCEPT_FILE' ? (event.council ?? context.council) : context.council) }),
    recordAssessment: assign({
      assessments: ({ context, event }) =>
        event.type === 'RECORD_ASSESSMENT'
          ? [...context.assessments, { by: event.actor.id, recordedAt: event.at, assessedAt: event.assessedAt, assessors: event.assessors, findings: event.findings }]
          : context.assessments,
    }),
    designate: assign(({ context, event }) =>
      event.type === 'DESIGNATE'
        ? {
            decision: { reference: event.decision, by: event.actor.id, at: event.at },
            validUntil: event.validUntil,
            designationNumber: event.designationNumber ?? context.designationNumber,
            inForce: openPeriod(context.inForce, event.at),
          }
        : {},
    ),
    recordSurveillance: assign({
      surveillance: ({ context, event }) =>
        event.type === 'RECORD_SURVEILLANCE'
          ? [...context.surveillance, { by: event.actor.id, recordedAt: event.at, surveyedAt: event.surveyedAt, findings: event.findings }]
          : context.surveillance,
    }),
    noteReason: assign({ reason: ({ context, event }) => ('reason' in event && typeof event.reason === 'string' ? event.reason : context.reason) }),
    endForce: assign({ inForce: ({ context, event }) => closePeriods(context.inForce, event.at) }),
    restoreForce: assign({ inForce: ({ context, event }) => openPeriod(context.inForce, event.at) }),
  },
}).createMachine({
  id: 'designation',
  context: ({ input }) => ({ ...input, corrections: [], assessments: [], surveillance: [], inForce: [] }),
  initial: 'submitted',
  states: {
    submitted: {
      on: {
        REVIEW_OVERDUE: {},
        REQUEST_CORRECTION: { target: 'correction_requested', actions: 'askCorrection' },
        ACCEPT_FILE: { target: 'assessing', actions: 'acceptFile' },
        REFUSE: { target: 'refused', actions: 'noteReason' },
      },
    },
    correction_requested: {
      on: {
        RESUBMIT: { target: 'submitted', actions: 'recordCorrection' },
        REFUSE: { target: 'refused', actions: 'noteReason' },
      },
    },
    assessing: {
      on: {
        RECORD_ASSESSMENT: { actions: 'recordAssessment' },
        DESIGNATE: { guard: 'assessedOnSite', target: 'designated', actions: 'designate' },
        REFUSE: { target: 'refused', actions: 'noteReason' },
      },
    },
    designated: {
      on: {
        // A surveillance outside the cycle: the next one stays due when it was.
        RECORD_SURVEILLANCE: { actions: 'recordSurveillance' },
        SURVEILLANCE_DUE: 'surveillance_due',
        SUSPEND: { target: 'suspended', actions: ['noteReason', 'endForce'] },
        WITHDRAW: { target: 'withdrawn', actions: ['noteReason', 'endForce'] },
        EXPIRED: { target: 'expired', actions: 'endForce' },
      },
    },
    surveillance_due: {
      on: {
        // Recorded: a new cycle starts, and with it the next reminder.
        RECORD_SURVEILLANCE: { target: 'designated', actions: 'recordSurveillance' },
        SUSPEND: { target: 'suspended', actions: ['noteReason', 'endForce'] },
        WITHDRAW: { target: 'withdrawn', actions: ['noteReason', 'endForce'] },
        EXPIRED: { target: 'expired', actions: 'endForce' },
      },
    },
    suspended: {
      on: {
        RECORD_SURVEILLANCE: { actions: 'recordSurveillance' },
        REINSTATE: { guard: 'stillValid', target: 'designated', actions: 'restoreForce' },
        WITHDRAW: { target: 'withdrawn', actions: 'noteReason' },
        EXPIRED: 'expired',
      },
    },
    refused: { type: 'final' },
    withdrawn: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const designationWorkflow = defineWorkflow({
  kind: 'designations',
  noun: 'designation',
  machine: designationMachine,
  version: 1,
  migrations: {},
  create: [THE_CAB, ...THE_DESIGNATING_AUTHORITY],
  events: {
    REVIEW_OVERDUE: [{ role: 'system' }],
    REQUEST_CORRECTION: THE_DESIGNATING_AUTHORITY,
    RESUBMIT: [THE_CAB, ...THE_DESIGNATING_AUTHORITY],
    ACCEPT_FILE: THE_DESIGNATING_AUTHORITY,
    RECORD_ASSESSMENT: THE_DESIGNATING_AUTHORITY,
    DESIGNATE: THE_DESIGNATING_AUTHORITY,
    REFUSE: THE_DESIGNATING_AUTHORITY,
    RECORD_SURVEILLANCE: THE_DESIGNATING_AUTHORITY,
    SURVEILLANCE_DUE: [{ role: 'system' }],
    SUSPEND: THE_DESIGNATING_AUTHORITY,
    REINSTATE: THE_DESIGNATING_AUTHORITY,
    WITHDRAW: THE_DESIGNATING_AUTHORITY,
    EXPIRED: [{ role: 'system' }],
  },
  // The home procedure: the CAB and its own designating authority read it; the importing regulator does not.
  readers: [THE_CAB, ...THE_DESIGNATING_AUTHORITY, { role: 'admin' }, { role: 'system' }],
  parties: [{ cab: 'cabId' }, { principals: { role: 'designating_authority', economy: 'exportingEconomy' } }],
  search: {
    cabId: 'cabId',
    agreementId: 'agreementId',
    importingEconomy: 'importingEconomy',
    exportingEconomy: 'exportingEconomy',
    designationNumber: 'designationNumber',
    accreditationId: 'accreditationId',
    /** The importing and the exporting economy, for a filter by either. */
    economy: { anyOf: ['importingEconomy', 'exportingEconomy'] },
  },
  text: { designationNumber: 'designationNumber' },
  unique: [],
  deadlines: {
    submitted: [{ event: 'REVIEW_OVERDUE', after: 'fileReview' }],
    designated: [
      { event: 'SURVEILLANCE_DUE', after: 'surveillanceInterval' },
      { event: 'EXPIRED', at: 'validUntil' },
    ],
    surveillance_due: [{ event: 'EXPIRED', at: 'validUntil' }],
    suspended: [{ event: 'EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // Circular 12/2016/TT-BTTTT: the designating authority reviews the file within 7 working days.
    fileReview: { default: '7 working days', meaning: 'how long a submitted designation file waits for review before the parties are reminded (REVIEW_OVERDUE; Circular 12/2016/TT-BTTTT)', source: 'VN-TT-12-2016' },
    // Our default: the circular gives a designation a validity but we could not read its length.
    designationValidity: { default: '3 years', meaning: 'how long a designation is valid when the decision gives no end date (our default)', source: 'ours' },
    // Our default: designated bodies are under surveillance; no interval we could read.
    surveillanceInterval: { default: '1 year', meaning: 'how long after a designation takes effect, or after its last surveillance in the cycle, its surveillance is due (SURVEILLANCE_DUE; our default)', source: 'ours' },
  },
  cascades: [
    {
      // A designation withdrawn or expired at home ends the recognitions resting on it: the CAB is
      // no longer designated (the recognition's own guard keeps those resting on another designation).
      name: 'designation-ended',
      onEnter: ['withdrawn', 'expired'],
      target: 'recognitions',
      where: { cabId: 'cabId', agreementId: 'agreementId', importingEconomy: 'importingEconomy' },
      inStates: ['pending', 'info_requested', 'recognized', 'suspended', 'contested', 'verification', 'lapsed'],
      event: 'DESIGNATION_ENDED',
      payload: ({ id, state }) => ({ designationId: id, designationState: state }),
    },
  ],
});
