/**
 * One equipment certificate issued by a recognised certification body under a Phase II agreement
 * (docs/domain.md, "Certificate").
 *
 * (issuing) --facts: eligible--> review_window | --not eligible--> refused (reason codes)
 * review_window --SET_ASIDE--> set_aside; --REVIEW_WINDOW_ENDED--> in_force
 * in_force --SUSPEND--> suspended --RESTORE--> in_force
 * review_window | in_force | suspended --WITHDRAW--> withdrawn
 * in_force | suspended --REVOKE--> revoked; --EXPIRED--> expired
 * review_window --BODY_RECOGNITION_ENDED--> set_aside; suspended --BODY_RECOGNITION_ENDED--> withdrawn
 *
 * The engine gathers the facts of the issue (was the body recognised on the issue date, ...) and
 * passes them in the input; this machine turns them into a decision, and the history keeps both.
 */
import { assign, setup } from 'xstate';
import type { CertificateEventBody, CreateCertificate } from './schemas.js';
import { issueReasons, type CertificateFacts } from './issue.js';
import type { CounterpartJudgement } from '../kit/counterparts.js';
import { defineWorkflow, type EventMeta, type Reason, type Rule } from '../types.js';

export type CertificateInput = CreateCertificate & {
  /** The issuing body, from the acting principal. */
  cabId: string;
  exportingEconomy: string;
  /** End of the importing regulator's window to set the certificate aside (issue date + the window). */
  reviewWindowEndsAt: string;
  validUntil: string;
  facts: CertificateFacts;
  /** What the certificate's foreign requirements count for (MRA-ETR); none when absent. */
  counterparts?: CounterpartJudgement;
};

export type CertificateData = Omit<CertificateInput, 'facts' | 'counterparts'> & {
  /** Why the certificate was refused or set aside; empty unless it was. */
  reasons: Reason[];
  /** The importing economy's regulations it is in scope for through its counterparts (MRA-ETR). */
  equivalentRegulations: string[];
  /** When the body suspended it, while suspended. */
  suspendedAt?: string;
};

export type CertificateEvent = CertificateEventBody & EventMeta;

const IMPORTING_REGULATOR: readonly Rule[] = [{ role: 'regulator', economy: 'importingEconomy' }];
const THE_BODY: readonly Rule[] = [{ role: 'lab', cab: 'cabId' }];

export const certificateMachine = setup({
  types: {
    context: {} as CertificateData,
    events: {} as CertificateEvent,
    input: {} as CertificateInput,
  },
  guards: {
    eligible: ({ context }) => context.reasons.length === 0,
    /** The recognition that ended covered one of the regulations the certificate is in scope for. */
    coveredByEndedRecognition: ({ context, event }) =>
      event.type === 'BODY_RECOGNITION_ENDED' &&
      event.scope.some((r) => context.regulations.includes(r) || context.equivalentRegulations.includes(r)),
  },
  actions: {
    recordReason: assign({
      reasons: ({ event }) => {
        if (event.type === 'SET_ASIDE') return [{ code: 'SET_ASIDE_BY_REGULATOR', detail: event.reason }];
        if (event.type === 'REVOKE') return [{ code: 'REVOKED_BY_REGULATOR', detail: event.reason }];
        if (event.type === 'WITHDRAW') return [{ code: 'WITHDRAWN_BY_BODY', detail: event.reason }];
        if (event.type === 'BODY_RECOGNITION_ENDED') {
          return [{ code: 'BODY_RECOGNITION_ENDED', detail: `Recognition ${event.recognitionId} of the body became ${event.recognitionState}.` }];
        }
        return [];
      },
    }),
    recordSuspension: assign({ suspendedAt: ({ event }) => event.at }),
    clearSuspension: assign({ suspendedAt: undefined }),
  },
}).createMachine({
  id: 'certificate',
  context: ({ input }) => {
    const { facts, counterparts = { regulations: [], reasons: [] }, ...data } = input;
    return { ...data, reasons: [...issueReasons(facts), ...counterparts.reasons], equivalentRegulations: counterparts.regulations };
  },
  initial: 'issuing',
  states: {
    issuing: {
      always: [{ guard: 'eligible', target: 'review_window' }, { target: 'refused' }],
    },
    review_window: {
      on: {
        SET_ASIDE: { target: 'set_aside', actions: 'recordReason' },
        REVIEW_WINDOW_ENDED: 'in_force',
        WITHDRAW: { target: 'withdrawn', actions: 'recordReason' },
        BODY_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'set_aside', actions: 'recordReason' },
      },
    },
    in_force: {
      on: {
        SUSPEND: { target: 'suspended', actions: 'recordSuspension' },
        WITHDRAW: { target: 'withdrawn', actions: 'recordReason' },
        REVOKE: { target: 'revoked', actions: 'recordReason' },
        EXPIRED: 'expired',
      },
    },
    suspended: {
      on: {
        RESTORE: { target: 'in_force', actions: 'clearSuspension' },
        WITHDRAW: { target: 'withdrawn', actions: ['recordReason', 'clearSuspension'] },
        REVOKE: { target: 'revoked', actions: ['recordReason', 'clearSuspension'] },
        EXPIRED: { target: 'expired', actions: 'clearSuspension' },
        BODY_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'withdrawn', actions: ['recordReason', 'clearSuspension'] },
      },
    },
    refused: { type: 'final' },
    set_aside: { type: 'final' },
    withdrawn: { type: 'final' },
    revoked: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const certificateWorkflow = defineWorkflow({
  kind: 'certificates',
  noun: 'certificate',
  machine: certificateMachine,
  version: 1,
  migrations: {},
  create: THE_BODY,
  events: {
    SET_ASIDE: IMPORTING_REGULATOR,
    REVIEW_WINDOW_ENDED: [{ role: 'system' }],
    SUSPEND: THE_BODY,
    RESTORE: THE_BODY,
    WITHDRAW: THE_BODY,
    REVOKE: IMPORTING_REGULATOR,
    EXPIRED: [{ role: 'system' }],
    BODY_RECOGNITION_ENDED: [{ role: 'system' }],
  },
  parties: [
    { cab: 'cabId' },
    { principals: { role: 'regulator', economy: 'importingEconomy' } },
    { principal: 'applicantId' },
  ],
  search: {
    cabId: 'cabId',
    certificateNumber: 'certificateNumber',
    importingEconomy: 'importingEconomy',
    exportingEconomy: 'exportingEconomy',
    applicantId: 'applicantId',
    manufacturer: { path: 'equipment.manufacturer', fold: true },
    model: { path: 'equipment.model', fold: true },
    /** The importing and the exporting economy, for a filter by either. */
    economy: { anyOf: ['importingEconomy', 'exportingEconomy'] },
  },
  text: { certificateNumber: 'certificateNumber', manufacturer: 'equipment.manufacturer', model: 'equipment.model' },
  unique: [['cabId', 'certificateNumber']],
  deadlines: {
    review_window: [{ event: 'REVIEW_WINDOW_ENDED', at: 'reviewWindowEndsAt' }],
    in_force: [{ event: 'EXPIRED', at: 'validUntil' }],
    suspended: [{ event: 'EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // 47 CFR 2.962: the FCC may set aside a grant made by a TCB within 30 days of the grant date (docs/domain.md, "Certificate").
    setAsideWindow: { default: '30 days', meaning: 'how long after the issue date the importing regulator may set a certificate aside (REVIEW_WINDOW_ENDED)', source: 'CFR-2.962' },
    // Our default: no text we read sets how long a certificate lasts when the body gives no end date.
    certificateValidity: { default: '5 years', meaning: 'how long a certificate lasts when the body gives no end date', source: 'ours' },
  },
  cascades: [],
});
