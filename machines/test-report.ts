/**
 * One lab's test report on one equipment model for one importing economy (docs/domain.md, "Test report").
 *
 * (submitted) --screening: eligible--> under_review | --not eligible--> rejected (reason codes)
 * under_review --REQUEST_INFO--> info_requested --PROVIDE_INFO--> under_review
 * under_review --ACCEPT--> accepted --EXPIRED--> expired | --REVOKE--> revoked
 * under_review | info_requested --REJECT / LAB_RECOGNITION_ENDED--> rejected; --WITHDRAW--> withdrawn
 *
 * The engine gathers the facts of the screening (was the lab recognised on the test date, ...)
 * and passes them in the input; this machine turns them into a decision, and the history keeps both.
 */
import { assign, setup } from 'xstate';
import type { CreateTestReport, TestReportEventBody } from '../schemas/test-reports.js';
import { screeningReasons, type ScreeningFacts } from './test-report-screening.js';
import { defineWorkflow, type EventMeta, type Reason, type Rule } from './types.js';

export type TestReportInput = CreateTestReport & {
  /** The submitting lab, from the acting principal. */
  cabId: string;
  /** The lab's economy. */
  exportingEconomy: string;
  facts: ScreeningFacts;
};

export type TestReportData = Omit<TestReportInput, 'facts'> & {
  /** Why the report was rejected; empty unless it was. */
  reasons: Reason[];
  acceptedAt?: string;
  /** End of the acceptance. */
  validUntil?: string;
};

export type TestReportEvent = TestReportEventBody & EventMeta;

const IMPORTING_REGULATOR: readonly Rule[] = [{ role: 'regulator', economy: 'importingEconomy' }];
const THE_LAB: readonly Rule[] = [{ role: 'lab', cab: 'cabId' }];

export const testReportMachine = setup({
  types: {
    context: {} as TestReportData,
    events: {} as TestReportEvent,
    input: {} as TestReportInput,
  },
  guards: {
    passedScreening: ({ context }) => context.reasons.length === 0,
    /** The recognition that ended covered at least one of the report's regulations. */
    coveredByEndedRecognition: ({ context, event }) =>
      event.type === 'LAB_RECOGNITION_ENDED' && event.scope.some((r) => context.regulations.includes(r)),
  },
  actions: {
    /** The engine fills in the acceptance's end when the regulator leaves it out. */
    recordAcceptance: assign(({ event }) =>
      event.type === 'ACCEPT' ? { acceptedAt: event.at, validUntil: event.validUntil } : {},
    ),
    recordRejection: assign({
      reasons: ({ event }) => {
        if (event.type === 'REJECT') return [{ code: 'REJECTED_BY_REGULATOR', detail: event.reason }];
        if (event.type === 'LAB_RECOGNITION_ENDED') {
          return [
            {
              code: 'LAB_RECOGNITION_ENDED',
              detail: `Recognition ${event.recognitionId} of the lab became ${event.recognitionState}.`,
            },
          ];
        }
        return [];
      },
    }),
  },
}).createMachine({
  id: 'test-report',
  context: ({ input }) => {
    const { facts, ...data } = input;
    return { ...data, reasons: screeningReasons(facts) };
  },
  initial: 'screening',
  states: {
    screening: {
      always: [{ guard: 'passedScreening', target: 'under_review' }, { target: 'rejected' }],
    },
    under_review: {
      on: {
        ACCEPT: { target: 'accepted', actions: 'recordAcceptance' },
        REJECT: { target: 'rejected', actions: 'recordRejection' },
        REQUEST_INFO: 'info_requested',
        WITHDRAW: 'withdrawn',
        LAB_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'rejected', actions: 'recordRejection' },
        REVIEW_OVERDUE: {},
      },
    },
    info_requested: {
      on: {
        PROVIDE_INFO: 'under_review',
        REJECT: { target: 'rejected', actions: 'recordRejection' },
        WITHDRAW: 'withdrawn',
        LAB_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'rejected', actions: 'recordRejection' },
      },
    },
    accepted: {
      on: {
        REVOKE: 'revoked',
        EXPIRED: 'expired',
      },
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    revoked: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const testReportWorkflow = defineWorkflow({
  kind: 'test-reports',
  noun: 'test report',
  machine: testReportMachine,
  version: 1,
  migrations: {},
  create: [{ role: 'lab' }],
  events: {
    ACCEPT: IMPORTING_REGULATOR,
    REJECT: IMPORTING_REGULATOR,
    REQUEST_INFO: IMPORTING_REGULATOR,
    PROVIDE_INFO: THE_LAB,
    WITHDRAW: THE_LAB,
    REVOKE: IMPORTING_REGULATOR,
    REVIEW_OVERDUE: [{ role: 'system' }],
    EXPIRED: [{ role: 'system' }],
    LAB_RECOGNITION_ENDED: [{ role: 'system' }],
  },
  readers: [
    { role: 'lab', cab: 'cabId' },
    { role: 'regulator', economy: 'importingEconomy' },
    { role: 'importer', principal: 'importerId' },
    { role: 'admin' },
    { role: 'system' },
  ],
  parties: [
    { cab: 'cabId' },
    { principals: { role: 'regulator', economy: 'importingEconomy' } },
    { principal: 'importerId' },
  ],
  search: {
    cabId: 'cabId',
    reportNumber: 'reportNumber',
    importingEconomy: 'importingEconomy',
    exportingEconomy: 'exportingEconomy',
    importerId: 'importerId',
    manufacturer: { path: 'equipment.manufacturer', fold: true },
    model: { path: 'equipment.model', fold: true },
  },
  unique: [['cabId', 'reportNumber']],
  deadlines: {
    under_review: [{ event: 'REVIEW_OVERDUE', after: 'review' }],
    accepted: [{ event: 'EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // Viet Nam's type-approval practice: 27 working days (docs/domain.md, "Default durations").
    review: { default: '27 working days', meaning: 'how long a report is under review before the parties are reminded (REVIEW_OVERDUE)' },
    // Our default: an acceptance lasts 3 years unless the regulator gives its own end date.
    acceptanceValidity: { default: '3 years', meaning: 'how long an acceptance lasts when the regulator gives no end date' },
  },
  cascades: [],
});
